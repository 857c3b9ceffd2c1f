using MimeKit;

namespace SecureRelay.Delivery;

/// <summary>
/// The one parse of queued content that delivery performs (S/MIME, PGP, DKIM, escrow all start
/// from it). The acceptor calls <see cref="FindProblemAsync"/> on the same bytes before answering
/// <c>250</c>, so a message delivery could not parse is refused at DATA instead of sitting in the
/// queue. MimeKit fails only on the top-level header block (an empty message, or a first line that
/// is not a header field), so a prefix of the content that holds the header block gives the same
/// answer as the whole of it.
/// </summary>
public static class DeliveryMessageParser
{
    /// <summary>Parses <paramref name="content"/>; a seekable stream is parsed in place (persistent:
    /// the body stays in the stream instead of being copied into memory).</summary>
    /// <exception cref="MessageParseException">MimeKit cannot parse the message.</exception>
    public static async Task<MimeMessage> LoadAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return await MimeMessage.LoadAsync(content, persistent: content.CanSeek, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new MessageParseException(e.Message, e);
        }
    }

    /// <summary>Null when <see cref="LoadAsync"/> accepts <paramref name="content"/>, else why not (no content quoted).</summary>
    public static async Task<string?> FindProblemAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            using MimeMessage message = await LoadAsync(content, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (MessageParseException e)
        {
            return e.Message;
        }
    }
}
