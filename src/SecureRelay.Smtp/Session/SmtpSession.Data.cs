using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Session;

/// <summary>DATA and BDAT: message content streams from the pipe through
/// <see cref="MessageContentScanner"/> into the acceptor's sink in blocks; nothing buffers a whole message.</summary>
internal sealed partial class SmtpSession
{
    private const int ContentBlockSize = 32 * 1024;

    /// <summary><c>data = "DATA" CRLF</c> (RFC 5321 §4.1.1.4).</summary>
    private async ValueTask<CommandOutcome> DataAsync()
    {
        var transaction = _transaction ?? throw new InvalidOperationException("DATA allowed without a transaction");
        var (writer, refusal) = await BeginMessageAsync(transaction);
        if (writer is null)
        {
            return await RejectAsync(refusal);
        }

        await using (writer)
        {
            WriteReply(new SmtpReply(354, string.Empty, "End data with <CR><LF>.<CR><LF>"));
            await writer.WriteAsync(BuildReceivedHeader(transaction));
            var scanner = new MessageContentScanner(dotStuffed: true, _limits);
            var ended = await ReceiveDataAsync(scanner, writer);
            return await FinishMessageAsync(transaction, writer, scanner, ended);
        }
    }

    /// <summary><c>bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ] CRLF</c> (RFC 3030 §2). The reply to
    /// each chunk comes after all of its bytes were read, whatever it says. Chunks are text under the same
    /// line-ending and NUL rules as DATA: the relay forwards with DATA, so BINARYMIME is not offered.</summary>
    private async ValueTask<CommandOutcome> BdatAsync(SmtpCommand command)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("BDAT allowed without a transaction");
        if (_bdat is null)
        {
            var (writer, refusal) = await BeginMessageAsync(transaction);
            if (writer is null)
            {
                await DiscardBytesAsync(command.ChunkSize);
                await RejectAsync(refusal);
                return CommandOutcome.EndTransaction;
            }

            _bdat = new BdatTransfer(writer, new MessageContentScanner(dotStuffed: false, _limits));
            await writer.WriteAsync(BuildReceivedHeader(transaction));
        }

        var bdat = _bdat;
        if (bdat.Scanner.ReceivedBytes + command.ChunkSize > _limits.MessageSize)
        {
            // Refused from the declared size, but the chunk is on the wire: read past it first.
            await DiscardBytesAsync(command.ChunkSize);
            await RejectMessageAsync(new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit"), bdat.Scanner.ReceivedBytes + command.ChunkSize);
            return CommandOutcome.EndTransaction;
        }

        await ReceiveChunkAsync(bdat, command.ChunkSize);
        if (command.Verb == SmtpVerb.BdatLast)
        {
            var block = new byte[3];
            var n = bdat.Scanner.Finish(block);
            if (bdat.Scanner.Violation == ContentViolation.None && n > 0)
            {
                await bdat.Writer.WriteAsync(block.AsMemory(0, n));
            }

            return await FinishMessageAsync(transaction, bdat.Writer, bdat.Scanner, Stopwatch.GetTimestamp());
        }

        if (bdat.Scanner.Violation != ContentViolation.None)
        {
            await RejectMessageAsync(ViolationReply(bdat.Scanner.Violation), bdat.Scanner.ReceivedBytes);
            return CommandOutcome.EndTransaction;
        }

        if (bdat.Writer.Faulted)
        {
            await RejectMessageAsync(BodySinkWriter.WriteError, bdat.Scanner.ReceivedBytes);
            return CommandOutcome.EndTransaction;
        }

        WriteReply(new SmtpReply(250, "2.0.0", command.ChunkSize.ToString(CultureInfo.InvariantCulture) + " octets received"));
        return CommandOutcome.Success;
    }

    private async ValueTask<(BodySinkWriter? Writer, SmtpReply Refusal)> BeginMessageAsync(SmtpTransaction transaction)
    {
        try
        {
            var sink = await _ctx.Acceptor.BeginMessageAsync(Info, transaction, _aborted);
            return (new BodySinkWriter(sink, _ctx.Logger, Info.SessionId, _aborted), default);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            SmtpLog.AcceptorFailed(_ctx.Logger, Info.SessionId, "begin message", ex);
            return (null, BodySinkWriter.WriteError);
        }
    }

    /// <summary>Streams DATA content until <c>CRLF "." CRLF</c>. Returns the timestamp at which the final
    /// dot was received (start of the accept latency).</summary>
    private async ValueTask<long> ReceiveDataAsync(MessageContentScanner scanner, BodySinkWriter writer)
    {
        var started = Stopwatch.GetTimestamp();
        var block = ArrayPool<byte>.Shared.Rent(ContentBlockSize);
        try
        {
            while (true)
            {
                var (timeout, text) = DataReadTimeout(started, scanner.ReceivedBytes);
                var result = await ReadInputAsync(timeout, text);
                var buffer = result.Buffer;
                long consumed = 0;
                var filled = 0;
                var ended = false;
                long end = 0;
                foreach (var segment in buffer)
                {
                    var pos = 0;
                    while (pos < segment.Length && !ended)
                    {
                        var status = scanner.Scan(segment.Span[pos..], block.AsSpan(filled), out var used, out var written);
                        pos += used;
                        consumed += used;
                        filled += written;
                        if (status == ScanStatus.EndOfData)
                        {
                            ended = true;
                            end = Stopwatch.GetTimestamp(); // accept latency starts at the final dot
                        }

                        if (status == ScanStatus.OutputFull || block.Length - filled < 3)
                        {
                            await ForwardAsync(scanner, writer, block, filled);
                            filled = 0;
                        }
                    }

                    if (ended)
                    {
                        break;
                    }
                }

                await ForwardAsync(scanner, writer, block, filled);
                if (ended)
                {
                    _input.AdvanceTo(buffer.GetPosition(consumed));
                    return end;
                }

                _input.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    throw new IOException("The client closed the connection inside DATA.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Streams exactly <paramref name="size"/> bytes of one BDAT chunk.</summary>
    private async ValueTask ReceiveChunkAsync(BdatTransfer bdat, long size)
    {
        var started = Stopwatch.GetTimestamp();
        long received = 0;
        var block = ArrayPool<byte>.Shared.Rent(ContentBlockSize);
        try
        {
            while (received < size)
            {
                var (timeout, text) = DataReadTimeout(started, received);
                var result = await ReadInputAsync(timeout, text);
                var buffer = result.Buffer.Slice(0, Math.Min(result.Buffer.Length, size - received));
                var filled = 0;
                foreach (var segment in buffer)
                {
                    var pos = 0;
                    while (pos < segment.Length)
                    {
                        var status = bdat.Scanner.Scan(segment.Span[pos..], block.AsSpan(filled), out var used, out var written);
                        pos += used;
                        filled += written;
                        if (status == ScanStatus.OutputFull || block.Length - filled < 3)
                        {
                            await ForwardAsync(bdat.Scanner, bdat.Writer, block, filled);
                            filled = 0;
                        }
                    }
                }

                await ForwardAsync(bdat.Scanner, bdat.Writer, block, filled);
                received += buffer.Length;
                _input.AdvanceTo(buffer.End);
                if (received < size && result.IsCompleted)
                {
                    throw new IOException("The client closed the connection inside a BDAT chunk.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Hands a block to the sink unless the message is already lost (a limit was hit or the sink
    /// failed); the rest is then only read, to find the end.</summary>
    private static ValueTask ForwardAsync(MessageContentScanner scanner, BodySinkWriter writer, byte[] block, int count) =>
        count == 0 || scanner.Violation != ContentViolation.None ? ValueTask.CompletedTask : writer.WriteAsync(block.AsMemory(0, count));

    /// <summary>Decides and sends the reply to the final dot or BDAT LAST; the sink's
    /// <see cref="IMessageBodySink.CompleteAsync"/> has the last word when the content was fine.</summary>
    private async ValueTask<CommandOutcome> FinishMessageAsync(SmtpTransaction transaction, BodySinkWriter writer, MessageContentScanner scanner, long endOfData)
    {
        if (scanner.SawEightBit && transaction.BodyType is MessageBodyType.Unspecified or MessageBodyType.SevenBit)
        {
            // Accepted like Postfix does; the delivery side converts or refuses 8-bit content if the
            // next hop lacks 8BITMIME.
            SmtpLog.EightBitWithoutDeclaration(_ctx.Logger, Info.SessionId);
        }

        transaction.ContentShape = (scanner.SawEightBit, scanner.LongestLine);
        var reply = scanner.Violation != ContentViolation.None ? ViolationReply(scanner.Violation) : await writer.CompleteAsync();
        if (!reply.IsPositive)
        {
            await RejectMessageAsync(reply, scanner.ReceivedBytes);
            await LeaveAcceptorThreadAsync();
            return CommandOutcome.EndTransaction;
        }

        WriteReply(reply);
        await FlushAsync();
        var latency = Stopwatch.GetElapsedTime(endOfData);
        _messages++;
        SmtpLog.MessageAccepted(_ctx.Logger, Info.SessionId, scanner.ReceivedBytes, transaction.Recipients.Count, latency.TotalMilliseconds);
        _ctx.Events?.MessageAccepted(Info, transaction, scanner.ReceivedBytes, latency);
        await LeaveAcceptorThreadAsync();
        return CommandOutcome.EndTransaction;
    }

    /// <summary>The sink may complete on a thread of its own (the spool resumes the waiting session on its
    /// completion thread so that the reply goes out at once); once the reply is out, the rest of the
    /// session (the next commands, maybe a whole pipelined message) continues on the thread pool.</summary>
    private static async ValueTask LeaveAcceptorThreadAsync()
    {
        if (!Thread.CurrentThread.IsThreadPoolThread)
        {
            await Task.Yield();
        }
    }

    private ValueTask RejectMessageAsync(SmtpReply reply, long size)
    {
        WriteReply(reply);
        SmtpLog.MessageRejected(_ctx.Logger, Info.SessionId, reply.Code, reply.EnhancedCode, size);
        _ctx.Events?.MessageRejected(Info, reply);
        return ValueTask.CompletedTask;
    }

    internal static SmtpReply ViolationReply(ContentViolation violation) => violation switch
    {
        ContentViolation.SizeExceeded => new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit"),
        ContentViolation.HeaderTooLarge => new SmtpReply(552, "5.3.4", "Message header size exceeds fixed limit"),
        ContentViolation.LineTooLong => new SmtpReply(500, "5.5.2", "Error: message line too long"),
        ContentViolation.BareLineEnding => new SmtpReply(550, "5.6.0", "Error: bare CR or LF in message content"),
        ContentViolation.Nul => new SmtpReply(550, "5.6.0", "Error: NUL character in message content"),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, "No reply for this violation"),
    };

    /// <summary>
    /// The trace header (RFC 5321 §4.4): <c>from</c> the EHLO name and the IP literal, <c>by</c> us,
    /// <c>with</c> the RFC 3848 / RFC 6531 protocol keyword, <c>id</c> the session id, the TLS parameters
    /// as a comment, and the date. Recipients are deliberately left out: a <c>for</c> clause would
    /// disclose Bcc recipients to every other one.
    /// </summary>
    private ReadOnlyMemory<byte> BuildReceivedHeader(SmtpTransaction transaction)
    {
        var address = Info.RemoteEndPoint.Address;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var literal = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPv6:" + address : address.ToString();
        var protocol = (transaction.SmtpUtf8 ? "UTF8SMTP" : Info.IsExtended ? "ESMTP" : "SMTP")
            + (Info.IsTls ? "S" : string.Empty)
            + (Info.AuthenticatedUser is not null ? "A" : string.Empty);
        if (protocol == "SMTPS" || protocol == "SMTPA" || protocol == "SMTPSA")
        {
            protocol = "E" + protocol; // the S and A forms exist only for ESMTP (RFC 3848)
        }

        var builder = new StringBuilder(256);
        builder.Append("Received: from ").Append(Info.HeloName ?? "unknown").Append(" ([").Append(literal).Append("])\r\n");
        if (Info.IsTls)
        {
            builder.Append("\t(using ").Append(TlsProtocolName()).Append(" with cipher ").Append(Info.TlsCipherSuite).Append(")\r\n");
        }

        builder.Append("\tby ").Append(HostName).Append(" (SecureRelay) with ").Append(protocol)
            .Append(" id ").Append(Info.SessionId).Append(";\r\n\t")
            .Append(DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture))
            .Append("\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private string TlsProtocolName() => Info.TlsProtocol switch
    {
        System.Security.Authentication.SslProtocols.Tls13 => "TLSv1.3",
        System.Security.Authentication.SslProtocols.Tls12 => "TLSv1.2",
        var other => other?.ToString() ?? "TLS",
    };
}
