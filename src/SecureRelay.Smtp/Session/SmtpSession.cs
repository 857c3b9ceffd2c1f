using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Security;
using System.Text;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Session;

/// <summary>
/// One SMTP connection: reads command lines from the pipe (bounded, any fragmentation), runs them
/// through <see cref="SmtpStateTable"/>, and writes replies. Replies are buffered and flushed only
/// when the session is about to wait for input, which is what PIPELINING (RFC 2920) needs.
/// This file holds the I/O loop; commands live in the other partial files.
/// </summary>
internal sealed partial class SmtpSession : IAsyncDisposable
{
    /// <summary>Bytes of an over-long command line we read and drop before giving up on the client.</summary>
    private const int MaxDiscardedLineBytes = 1024 * 1024;

    /// <summary>Unsent reply bytes after which we flush even though more pipelined commands are buffered,
    /// so a client that never reads its replies meets backpressure instead of growing our memory.</summary>
    private const int MaxUnflushedReplyBytes = 16 * 1024;

    private readonly SmtpSessionContext _ctx;
    private readonly SmtpLimits _limits;
    private readonly IDuplexPipe _transport;
    private readonly CancellationToken _aborted;
    private readonly CancellationToken _closeRequested;
    private CancellationTokenSource _timer;
    private long _waitStarted;
    private bool _atCommandBoundary;
    private PipeReader _input;
    private PipeWriter _output;
    private SslStream? _tls;
    private SequencePosition? _pendingConsumed;
    private bool _needMoreInput;
    private int _unflushedBytes;
    private bool _writesStalled;
    private SmtpState _state = SmtpState.Initial;
    private SmtpTransaction? _transaction;
    private BdatTransfer? _bdat;
    private int _errors;
    private int _messages;
    private string _command = "CONNECT";

    public SmtpSession(SmtpSessionContext context, IDuplexPipe transport, SmtpSessionInfo info, CancellationToken aborted, CancellationToken closeRequested = default)
    {
        _closeRequested = closeRequested;
        _ctx = context;
        _limits = context.Limits;
        _transport = transport;
        _input = transport.Input;
        _output = transport.Output;
        _aborted = aborted;
        _timer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        Info = info;
    }

    public SmtpSessionInfo Info { get; }

    private string HostName => _ctx.Server.HostName;

    /// <summary>Runs the session to its end. Never throws for anything the peer does.</summary>
    public async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        SmtpLog.SessionOpened(_ctx.Logger, Info.SessionId, Info.ListenerName, Info.RemoteEndPoint.ToString());
        _ctx.Events?.ConnectionOpened(Info);
        try
        {
            if (_ctx.Listener.Tls == SmtpTlsMode.Implicit && !await HandshakeAsync())
            {
                return;
            }

            WriteReply(new SmtpReply(220, string.Empty, $"{HostName} ESMTP"));
            while (await ReadAndExecuteAsync())
            {
            }

            await FlushAsync();
        }
        catch (SessionTerminatedException ex)
        {
            SmtpLog.Closing(_ctx.Logger, Info.SessionId, ex.Message);
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            SmtpLog.Closing(_ctx.Logger, Info.SessionId, "connection aborted");
        }
        catch (IOException ex)
        {
            SmtpLog.ConnectionLost(_ctx.Logger, Info.SessionId, ex);
        }
        catch (Exception ex)
        {
            // A bug, not a peer problem: log it with the session id; the connection is dropped.
            SmtpLog.SessionFailed(_ctx.Logger, Info.SessionId, ex);
        }
        finally
        {
            await CleanupAsync();
            var duration = Stopwatch.GetElapsedTime(started);
            SmtpLog.SessionClosed(_ctx.Logger, Info.SessionId, (long)duration.TotalMilliseconds, _messages);
            _ctx.Events?.ConnectionClosed(Info, duration);
        }
    }

    /// <summary>Releases what <see cref="RunAsync"/> did not (it cleans up on every path itself).</summary>
    public async ValueTask DisposeAsync()
    {
        await ClearTransactionAsync();
        _timer.Dispose();
    }

    private async ValueTask CleanupAsync()
    {
        await ClearTransactionAsync();
        _timer.Dispose();
        if (_tls is not null)
        {
            try
            {
                await _input.CompleteAsync();
                if (_writesStalled)
                {
                    // The TLS layer may still be inside a write to a client that stopped reading:
                    // release it; the buffered replies are dropped (completing would flush them).
                    _transport.Output.CancelPendingFlush();
                }
                else
                {
                    await _output.CompleteAsync();
                }

                await _tls.DisposeAsync();
            }
            catch (IOException ex)
            {
                SmtpLog.ConnectionLost(_ctx.Logger, Info.SessionId, ex);
            }
        }

        await _transport.Input.CompleteAsync();
        await _transport.Output.CompleteAsync();
    }

    /// <summary>Reads one command line and runs it. Returns false when the session should end.</summary>
    private async ValueTask<bool> ReadAndExecuteAsync()
    {
        if (_unflushedBytes > MaxUnflushedReplyBytes)
        {
            await FlushAsync();
        }

        // Only between commands may a graceful shutdown end the session (Postfix answers 421 4.3.2
        // there too); a message being received is finished first.
        _atCommandBoundary = true;
        LineResult line;
        try
        {
            line = await ReadLineAsync(_limits.CommandLineLength);
        }
        finally
        {
            _atCommandBoundary = false;
        }

        switch (line.Status)
        {
            case LineStatus.EndOfInput:
                return false;
            case LineStatus.TooLong:
                _command = "UNKNOWN";
                await RejectAsync(new SmtpReply(500, "5.5.2", "Error: line too long"));
                return true;
        }

        if (!SmtpCommandParser.TryParse(line.Line, out var command, out var error))
        {
            _command = command.Name;
            await RejectAsync(error);
            return true;
        }

        _command = command.Name;
        if (!SmtpStateTable.TryGetTransition(_state, command.Verb, out var next))
        {
            if (command.Verb is SmtpVerb.Bdat or SmtpVerb.BdatLast)
            {
                // RFC 3030 §2: the chunk follows the command whatever the reply; read past it to stay in step.
                await DiscardBytesAsync(command.ChunkSize);
            }

            await RejectAsync(SmtpStateTable.OutOfSequence(_state, command.Verb));
            return true;
        }

        var outcome = command.Verb switch
        {
            SmtpVerb.Ehlo or SmtpVerb.Helo => await HelloAsync(command),
            SmtpVerb.Mail => await MailAsync(command),
            SmtpVerb.Rcpt => await RcptAsync(command),
            SmtpVerb.Data => await DataAsync(),
            SmtpVerb.Bdat or SmtpVerb.BdatLast => await BdatAsync(command),
            SmtpVerb.Rset => await RsetAsync(),
            SmtpVerb.Noop => Ok(new SmtpReply(250, "2.0.0", "Ok")),
            SmtpVerb.Vrfy => Ok(new SmtpReply(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery")),
            SmtpVerb.Help => Ok(new SmtpReply(214, "2.0.0", "Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH")),
            SmtpVerb.Quit => Quit(),
            SmtpVerb.StartTls => await StartTlsAsync(),
            SmtpVerb.Auth => await AuthAsync(command),
            _ => throw new InvalidOperationException($"No handler for {command.Verb}"),
        };

        switch (outcome)
        {
            case CommandOutcome.Success:
                _state = next;
                return true;
            case CommandOutcome.EndTransaction:
                await ClearTransactionAsync();
                _state = SmtpState.Ready;
                return true;
            case CommandOutcome.Close:
                return false;
            default:
                return true;
        }
    }

    private CommandOutcome Ok(SmtpReply reply)
    {
        WriteReply(reply);
        return CommandOutcome.Success;
    }

    private CommandOutcome Quit()
    {
        WriteReply(new SmtpReply(221, "2.0.0", "Bye"));
        return CommandOutcome.Close;
    }

    private async ValueTask ClearTransactionAsync()
    {
        _transaction = null;
        if (_bdat is not null)
        {
            var bdat = _bdat;
            _bdat = null;
            await bdat.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends a refusal. Every refusal except "too many recipients" counts towards
    /// <see cref="SmtpLimits.ErrorsPerSession"/>; past it the session ends with <c>421 4.7.0</c>.
    /// </summary>
    private async ValueTask<CommandOutcome> RejectAsync(SmtpReply reply)
    {
        WriteReply(reply);
        SmtpLog.CommandRejected(_ctx.Logger, Info.SessionId, _command, reply.Code, reply.EnhancedCode);
        _ctx.Events?.CommandRejected(Info, _command, reply);
        if (reply.EnhancedCode != "4.5.3" && ++_errors >= _limits.ErrorsPerSession)
        {
            await TerminateAsync(new SmtpReply(421, "4.7.0", $"{HostName} Error: too many errors"), "too many errors");
        }

        return CommandOutcome.Failure;
    }

    private async ValueTask TerminateAsync(SmtpReply reply, string reason)
    {
        WriteReply(reply);
        try
        {
            await FlushAsync();
        }
        catch (IOException ex)
        {
            SmtpLog.ConnectionLost(_ctx.Logger, Info.SessionId, ex);
        }

        throw new SessionTerminatedException(reason);
    }

    // ---- replies ----

    private void WriteReply(SmtpReply reply)
    {
        var text = reply.EnhancedCode.Length == 0
            ? $"{reply.Code} {reply.Text}\r\n"
            : $"{reply.Code} {reply.EnhancedCode} {reply.Text}\r\n";
        WriteRaw(text);
    }

    private void WriteMultiline(int code, List<string> lines)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            builder.Append(code).Append(i == lines.Count - 1 ? ' ' : '-').Append(lines[i]).Append("\r\n");
        }

        WriteRaw(builder.ToString());
    }

    private void WriteRaw(string text)
    {
        var span = _output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var n = Encoding.UTF8.GetBytes(text, span);
        _output.Advance(n);
        _unflushedBytes += n;
    }

    /// <summary>Sends buffered replies. Bounded by the command timeout (shorter under stress): a client that
    /// stops reading cannot hold the session (and its buffers) forever.</summary>
    private async ValueTask FlushAsync()
    {
        if (_unflushedBytes == 0)
        {
            return;
        }

        _unflushedBytes = 0;
        var deadline = ArmTimer(CommandTimeoutNow());
        FlushResult result;
        try
        {
            // Stays set if the flush fails in any way, so clean-up will not try to flush again.
            _writesStalled = true;
            result = await _output.FlushAsync(deadline);
            _writesStalled = false;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && deadline.IsCancellationRequested && !_aborted.IsCancellationRequested)
        {
            // SslStream reports a cancelled write as IOException; either way the client stopped reading.
            throw new SessionTerminatedException("client does not read its replies");
        }
        finally
        {
            DisarmTimer();
        }

        if (result.IsCompleted)
        {
            throw new IOException("The client closed the connection.");
        }
    }

    /// <summary>Arms the session's deadline for one wait and returns its token. A source that has fired
    /// cannot be re-armed (<c>CancelAfter</c> does nothing and its token stays cancelled), and a deadline may
    /// fire just as the wait it guarded succeeded; such a source is replaced, or every later wait and flush
    /// of the session (the 250 after a commit, the 421 of a timeout) would fail at once.</summary>
    private CancellationToken ArmTimer(TimeSpan timeout)
    {
        if (!_timer.TryReset())
        {
            _timer.Dispose();
            _timer = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        }

        _timer.CancelAfter(timeout);
        return _timer.Token;
    }

    /// <summary>Stops the deadline after a wait; one that fired meanwhile is replaced by the next <see cref="ArmTimer"/>.</summary>
    private void DisarmTimer() => _timer.TryReset();

    /// <summary>The wait allowed for a command line or a reply write: <see cref="SmtpLimits.CommandTimeout"/>,
    /// or <see cref="SmtpLimits.StressCommandTimeout"/> while the server is under stress (Postfix
    /// <c>smtpd_timeout = ${stress?10}s</c>), so idle connections are shed when connections run short.</summary>
    private TimeSpan CommandTimeoutNow() =>
        _ctx.Tracker.IsUnderStress(_limits) && _limits.StressCommandTimeout < _limits.CommandTimeout ? _limits.StressCommandTimeout : _limits.CommandTimeout;

    /// <summary>Runs on the thread that pushed the server into stress, for a session waiting for a command:
    /// its wait is cut to the stress timeout counted from when it began.</summary>
    private void OnStress()
    {
        var left = TimeSpan.FromTicks(Math.Min(_limits.StressCommandTimeout.Ticks, _limits.CommandTimeout.Ticks)) - Stopwatch.GetElapsedTime(_waitStarted);
        _timer.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
    }

    // ---- input ----

    /// <summary>Advances past the last line handed out; that line's memory is invalid afterwards.</summary>
    private void ReleaseLine()
    {
        if (_pendingConsumed is { } consumed)
        {
            _pendingConsumed = null;
            _input.AdvanceTo(consumed);
        }
    }

    /// <summary>
    /// Returns buffered input if there is some the caller has not examined, otherwise flushes pending
    /// replies and waits (bounded by <paramref name="timeout"/>). A timeout sends
    /// <c>421 4.4.2</c> with <paramref name="timeoutText"/> and ends the session. A wait for a command
    /// (<paramref name="commandPhase"/>) is cut short when the server comes under stress.
    /// </summary>
    private async ValueTask<ReadResult> ReadInputAsync(TimeSpan timeout, string timeoutText = "timeout exceeded", bool commandPhase = false)
    {
        ReleaseLine();
        if (!_needMoreInput && _input.TryRead(out var buffered))
        {
            return buffered;
        }

        var drainable = _atCommandBoundary && _closeRequested.CanBeCanceled;
        if (drainable && _closeRequested.IsCancellationRequested)
        {
            await TerminateAsync(new SmtpReply(421, "4.3.2", $"{HostName} Service shutting down, try again later"), "server shutting down");
        }

        await FlushAsync();
        _waitStarted = Stopwatch.GetTimestamp();
        var deadline = ArmTimer(commandPhase ? CommandTimeoutNow() : timeout);

        // Both registrations are gone before the timer is disarmed or replaced: their callbacks touch it.
        var drain = drainable ? _closeRequested.UnsafeRegister(static t => ((CancellationTokenSource)t!).Cancel(), _timer) : default;
        var stress = commandPhase ? _ctx.Tracker.StressToken.UnsafeRegister(static s => ((SmtpSession)s!).OnStress(), this) : default;
        try
        {
            var result = await _input.ReadAsync(deadline);
            _needMoreInput = false;
            return result;
        }
        catch (OperationCanceledException) when (!_aborted.IsCancellationRequested)
        {
            // Answered below, once the registrations are gone.
        }
        finally
        {
            drain.Dispose();
            stress.Dispose();
            DisarmTimer();
        }

        if (drainable && _closeRequested.IsCancellationRequested)
        {
            await TerminateAsync(new SmtpReply(421, "4.3.2", $"{HostName} Service shutting down, try again later"), "server shutting down");
        }

        await TerminateAsync(new SmtpReply(421, "4.4.2", $"{HostName} Error: {timeoutText}"), timeoutText);
        throw new InvalidOperationException("TerminateAsync returned");
    }

    /// <summary>
    /// Reads one line ending in LF (an optional CR before it is dropped). At most
    /// <paramref name="limit"/> bytes are looked at for the terminator (Kestrel's TakeStartLine idea):
    /// a longer line is read to its end, thrown away, and reported as <see cref="LineStatus.TooLong"/>.
    /// The returned sequence stays valid until the next read. Waits are bounded by the command timeout.
    /// </summary>
    private async ValueTask<LineResult> ReadLineAsync(int limit)
    {
        var discarding = false;
        long discarded = 0;
        while (true)
        {
            var result = await ReadInputAsync(_limits.CommandTimeout, commandPhase: true);
            var buffer = result.Buffer;
            var window = discarding || buffer.Length <= limit + 2 ? buffer : buffer.Slice(0, limit + 2);
            if (window.PositionOf((byte)'\n') is { } lf)
            {
                var next = buffer.GetPosition(1, lf);
                var line = buffer.Slice(0, lf);
                if (!line.IsEmpty && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
                {
                    line = line.Slice(0, line.Length - 1);
                }

                if (discarding || line.Length > limit)
                {
                    _input.AdvanceTo(next);
                    return new LineResult(LineStatus.TooLong, default);
                }

                _pendingConsumed = next;
                return new LineResult(LineStatus.Line, line);
            }

            if (!discarding && window.Length >= limit + 2)
            {
                // Too long: its end may already be buffered past the window; drop through it.
                discarding = true;
                if (buffer.PositionOf((byte)'\n') is { } far)
                {
                    _input.AdvanceTo(buffer.GetPosition(1, far));
                    return new LineResult(LineStatus.TooLong, default);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                // A partial line at end of input is not a command.
                _input.AdvanceTo(buffer.End);
                return new LineResult(LineStatus.EndOfInput, default);
            }

            if (discarding)
            {
                discarded += buffer.Length;
                _input.AdvanceTo(buffer.End);
                if (discarded > MaxDiscardedLineBytes)
                {
                    await TerminateAsync(new SmtpReply(421, "4.7.0", $"{HostName} Error: line too long"), "endless line");
                }
            }
            else
            {
                _input.AdvanceTo(buffer.Start, buffer.End);
            }

            _needMoreInput = true;
        }
    }

    /// <summary>Reads and drops exactly <paramref name="count"/> bytes (a refused BDAT chunk).</summary>
    private async ValueTask DiscardBytesAsync(long count)
    {
        var started = Stopwatch.GetTimestamp();
        long received = 0;
        while (received < count)
        {
            var (timeout, text) = DataReadTimeout(started, received);
            var result = await ReadInputAsync(timeout, text);
            var take = Math.Min(result.Buffer.Length, count - received);
            received += take;
            _input.AdvanceTo(result.Buffer.GetPosition(take));
            if (received < count && result.IsCompleted)
            {
                throw new IOException("The client closed the connection inside a BDAT chunk.");
            }
        }
    }

    /// <summary>
    /// The wait allowed for the next content block: <see cref="SmtpLimits.DataTimeout"/>, or less when the
    /// average rate since <paramref name="started"/> would otherwise fall below
    /// <see cref="SmtpLimits.MinimumDataRate"/> (after the grace period) — so a trickling client is cut off
    /// without a heartbeat timer.
    /// </summary>
    private (TimeSpan Timeout, string Text) DataReadTimeout(long started, long received)
    {
        var timeout = _limits.DataTimeout;
        if (_limits.MinimumDataRate > 0)
        {
            var allowed = TimeSpan.FromSeconds(received / _limits.MinimumDataRate);
            if (allowed < _limits.MinimumDataRateGracePeriod)
            {
                allowed = _limits.MinimumDataRateGracePeriod;
            }

            var remaining = allowed - Stopwatch.GetElapsedTime(started);
            if (remaining < timeout)
            {
                return (remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), "data rate too low");
            }
        }

        return (timeout, "timeout exceeded");
    }

    private enum LineStatus
    {
        Line,
        TooLong,
        EndOfInput,
    }

    private readonly record struct LineResult(LineStatus Status, ReadOnlySequence<byte> Line);
}
