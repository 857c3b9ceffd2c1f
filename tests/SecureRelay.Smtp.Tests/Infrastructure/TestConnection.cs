using System.IO.Pipelines;
using System.Net;
using System.Text;
using SecureRelay.Smtp;
using SecureRelay.Smtp.Session;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>The client end of an in-memory SMTP connection.</summary>
internal sealed class TestConnection
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly StringBuilder _received = new();

    /// <param name="serverInput">Wraps what the server reads (a fault-injecting reader); null = the plain pipe.</param>
    public TestConnection(SmtpConnectionHandler handler, IPEndPoint remote, IPEndPoint local, Func<PipeReader, PipeReader>? serverInput = null, CancellationToken closeRequested = default)
    {
        var input = serverInput is null ? _toServer.Reader : serverInput(_toServer.Reader);
        Session = Task.Run(() => handler.RunSessionAsync(new DuplexPipe(input, _toClient.Writer), remote, local, default, closeRequested), CancellationToken.None);
    }

    public Task Session { get; }

    /// <summary>A stream for the client side (for SslStream).</summary>
    public Stream ClientStream => new DuplexPipeStream(_toClient.Reader, _toServer.Writer);

    public PipeWriter Writer => _toServer.Writer;

    public PipeReader Reader => _toClient.Reader;

    public async Task<string> ReplayAsync(string transcript, Fragmentation fragmentation)
    {
        await SendAsync(Encoding.UTF8.GetBytes(transcript), fragmentation);
        await _toServer.Writer.CompleteAsync();
        return await ReadToEndAsync();
    }

    public async Task SendAsync(string text, Fragmentation fragmentation = Fragmentation.Whole) =>
        await SendAsync(Encoding.UTF8.GetBytes(text), fragmentation);

    public async Task SendAsync(byte[] bytes, Fragmentation fragmentation = Fragmentation.Whole)
    {
        var writer = _toServer.Writer;
        switch (fragmentation)
        {
            case Fragmentation.Whole:
                await writer.WriteAsync(bytes);
                break;
            case Fragmentation.ByteByByte:
                for (var i = 0; i < bytes.Length; i++)
                {
                    await writer.WriteAsync(bytes.AsMemory(i, 1));
                }

                break;
            case Fragmentation.LineByLine:
                var start = 0;
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] == (byte)'\n')
                    {
                        await writer.WriteAsync(bytes.AsMemory(start, i + 1 - start));
                        start = i + 1;
                    }
                }

                if (start < bytes.Length)
                {
                    await writer.WriteAsync(bytes.AsMemory(start));
                }

                break;
        }
    }

    public Task CloseAsync() => _toServer.Writer.CompleteAsync().AsTask();

    /// <summary>Reads until the server completes its output (the session ended).</summary>
    public async Task<string> ReadToEndAsync()
    {
        var reader = _toClient.Reader;
        while (true)
        {
            var result = await reader.ReadAsync().AsTask().WaitAsync(Patience);
            foreach (var segment in result.Buffer)
            {
                _received.Append(Encoding.UTF8.GetString(segment.Span));
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                await Session.WaitAsync(Patience);
                return _received.ToString();
            }
        }
    }

    /// <summary>Reads one complete (possibly multi-line) reply.</summary>
    public async Task<string> ReadReplyAsync()
    {
        var reader = _toClient.Reader;
        while (true)
        {
            var result = await reader.ReadAsync().AsTask().WaitAsync(Patience);
            var text = Encoding.UTF8.GetString(result.Buffer);
            var end = FindReplyEnd(text);
            if (end > 0)
            {
                reader.AdvanceTo(result.Buffer.GetPosition(Encoding.UTF8.GetByteCount(text[..end])));
                return text[..end];
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (result.IsCompleted)
            {
                return text;
            }
        }
    }

    internal static int FindReplyEnd(string text)
    {
        var start = 0;
        while (true)
        {
            var lf = text.IndexOf('\n', start);
            if (lf < 0)
            {
                return -1;
            }

            if (lf - start >= 4 && text[start + 3] == ' ')
            {
                return lf + 1;
            }

            start = lf + 1;
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
