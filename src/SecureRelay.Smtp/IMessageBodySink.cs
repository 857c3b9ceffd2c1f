namespace SecureRelay.Smtp;

/// <summary>
/// Receives one message's content as it streams in. Content is the message as the server will
/// relay it: the server's own <c>Received:</c> header first, dot-stuffing removed, lines ending in
/// CRLF. Disposing without <see cref="CompleteAsync"/> aborts the message and discards what was written.
/// </summary>
public interface IMessageBodySink : IAsyncDisposable
{
    /// <summary>Appends content. Called many times; the memory is only valid during the call.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Ends the message and makes it durable. The reply is sent to the client as the
    /// answer to the final dot (or BDAT LAST): <c>250 2.0.0</c> only once the message is on disk.</summary>
    ValueTask<SmtpReply> CompleteAsync(CancellationToken cancellationToken);
}
