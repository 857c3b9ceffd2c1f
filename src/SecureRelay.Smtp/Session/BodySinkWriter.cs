using Microsoft.Extensions.Logging;

namespace SecureRelay.Smtp.Session;

/// <summary>
/// Wraps the acceptor's <see cref="IMessageBodySink"/>: a failure of the sink is logged once and turns
/// into <c>451 4.3.0</c> for the client instead of tearing down the session; later writes are skipped so
/// the rest of the content is still read and the session stays in step.
/// </summary>
internal sealed class BodySinkWriter : IAsyncDisposable
{
    public static readonly SmtpReply WriteError = new(451, "4.3.0", "Error: queue file write error");

    private readonly IMessageBodySink _sink;
    private readonly ILogger _logger;
    private readonly string _sessionId;
    private readonly CancellationToken _aborted;
    private bool _disposed;

    public BodySinkWriter(IMessageBodySink sink, ILogger logger, string sessionId, CancellationToken aborted)
    {
        _sink = sink;
        _logger = logger;
        _sessionId = sessionId;
        _aborted = aborted;
    }

    public bool Faulted { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> content)
    {
        if (Faulted || content.IsEmpty)
        {
            return;
        }

        try
        {
            await _sink.WriteAsync(content, _aborted);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            SmtpLog.AcceptorFailed(_logger, _sessionId, "body write", ex);
            Faulted = true;
        }
    }

    public async ValueTask<SmtpReply> CompleteAsync()
    {
        if (Faulted)
        {
            return WriteError;
        }

        try
        {
            return await _sink.CompleteAsync(_aborted);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            SmtpLog.AcceptorFailed(_logger, _sessionId, "body complete", ex);
            Faulted = true;
            return WriteError;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _sink.DisposeAsync();
        }
        catch (Exception ex)
        {
            // Disposal runs on every path, including a dying connection; the failure is logged, and the
            // client's reply (if any) has already been decided.
            SmtpLog.AcceptorFailed(_logger, _sessionId, "body dispose", ex);
        }
    }
}
