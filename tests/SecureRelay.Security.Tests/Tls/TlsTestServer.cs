using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// A TLS server on 127.0.0.1 (SslStream over TcpListener) presenting a given certificate and chain;
/// after the handshake it writes one byte and closes.
/// </summary>
internal sealed class TlsTestServer : LoopbackTcpServer
{
    private readonly SslServerAuthenticationOptions _options;

    public TlsTestServer(X509Certificate2 certificate, X509Certificate2[]? chain = null, SslProtocols protocols = TlsProtocolPolicy.Allowed)
    {
        _options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, [.. chain ?? []], offline: true),
            EnabledSslProtocols = protocols,
            ClientCertificateRequired = false,
        };
        Start();
    }

    public int Handshakes;

    /// <summary>
    /// Connects with an SslStream client restricted to TLS 1.2/1.3, using <paramref name="session"/>'s
    /// callback; returns null on success or the handshake exception.
    /// </summary>
    public async Task<Exception?> ConnectAsync(TlsValidationSession session, string targetHost = TestCertificates.MxHost)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        await using var ssl = new SslStream(tcp.GetStream(), false);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = targetHost,
                EnabledSslProtocols = TlsProtocolPolicy.Allowed,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = session.Callback,
            }).WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = new byte[1];
            var read = await ssl.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(read, Is.EqualTo(1), "server sends one byte after the handshake");
            return null;
        }
        catch (AuthenticationException e)
        {
            return e;
        }
        catch (IOException e)
        {
            return e;
        }
    }

    protected override async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            await using var ssl = new SslStream(client.GetStream(), false);
            try
            {
                await ssl.AuthenticateAsServerAsync(_options, Stopping).WaitAsync(TimeSpan.FromSeconds(10));
                Interlocked.Increment(ref Handshakes);
                await ssl.WriteAsync(new byte[] { 1 });
                await ssl.FlushAsync();
            }
            catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or TimeoutException)
            {
                // The client refused the certificate or the protocol: that is what the test checks.
            }
        }
    }
}
