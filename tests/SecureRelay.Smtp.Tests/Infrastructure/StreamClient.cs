using System.Net.Security;
using System.Security.Authentication;
using System.Text;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>A minimal line-level SMTP client over any stream (used to drive TLS by hand).</summary>
internal sealed class StreamClient(Stream stream) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly byte[] _buffer = new byte[8192];
    private readonly StringBuilder _pending = new();

    public Stream Stream { get; private set; } = stream;

    public async Task SendAsync(string text)
    {
        await Stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await Stream.FlushAsync();
    }

    public async Task<string> ReadReplyAsync()
    {
        while (true)
        {
            var text = _pending.ToString();
            var end = TestConnection.FindReplyEnd(text);
            if (end > 0)
            {
                _pending.Remove(0, end);
                return text[..end];
            }

            var n = await Stream.ReadAsync(_buffer).AsTask().WaitAsync(Patience);
            if (n == 0)
            {
                _pending.Clear();
                return text;
            }

            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, n));
        }
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>Runs the client side of a TLS handshake (accepting our self-signed test certificate).</summary>
    public async Task<SslStream> StartTlsAsync()
    {
        var tls = new SslStream(Stream, leaveInnerStreamOpen: true, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "mx.test.example",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        }).WaitAsync(Patience);
        Stream = tls;
        return tls;
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
