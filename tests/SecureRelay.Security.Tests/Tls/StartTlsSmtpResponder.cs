using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that offers STARTTLS and answers EHLO/NOOP/QUIT, enough for
/// MailKit's SmtpClient to connect, upgrade and disconnect. Lines are bounded to 512 bytes.
/// </summary>
internal sealed class StartTlsSmtpResponder : LoopbackTcpServer
{
    private readonly X509Certificate2 _certificate;

    public StartTlsSmtpResponder(X509Certificate2 certificate, bool offerStartTls = true)
    {
        _certificate = certificate;
        OfferStartTls = offerStartTls;
        Start();
    }

    public bool OfferStartTls { get; }

    public int TlsSessions;

    protected override async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            Stream stream = client.GetStream();
            try
            {
                await WriteAsync(stream, "220 mx.test.example ESMTP test\r\n");
                var tls = false;
                while (true)
                {
                    var line = await ReadLineAsync(stream);
                    if (line is null)
                    {
                        return;
                    }

                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await WriteAsync(stream, OfferStartTls && !tls
                                ? "250-mx.test.example\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
                                : "250-mx.test.example\r\n250 PIPELINING\r\n");
                            break;
                        case "STARTTLS" when OfferStartTls && !tls:
                            await WriteAsync(stream, "220 2.0.0 Ready to start TLS\r\n");
                            var ssl = new SslStream(stream, false);
                            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                            {
                                ServerCertificate = _certificate,
                                EnabledSslProtocols = TlsProtocolPolicy.Allowed,
                            }, Stopping);
                            Interlocked.Increment(ref TlsSessions);
                            stream = ssl;
                            tls = true;
                            break;
                        case "NOOP":
                            await WriteAsync(stream, "250 2.0.0 OK\r\n");
                            break;
                        case "QUIT":
                            await WriteAsync(stream, "221 2.0.0 Bye\r\n");
                            return;
                        default:
                            await WriteAsync(stream, "502 5.5.2 Command not recognized\r\n");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or ObjectDisposedException)
            {
                // Client hung up or refused our certificate: the test asserts the client's view.
            }
            finally
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var buffer = new List<byte>(64);
        var one = new byte[1];
        while (buffer.Count < 512)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. buffer]).TrimEnd('\r');
            }

            buffer.Add(one[0]);
        }

        throw new IOException("line too long");
    }
}
