using MimeKit;

namespace SecureRelay.Delivery;

/// <summary>
/// The one parse of queued content that delivery performs (S/MIME, PGP, DKIM, escrow all start
/// from it). MimeKit fails only on the top-level header block (an empty message, or a first line that
/// is not a header field); behind the relay's own <c>Received:</c> line that cannot happen to mail
/// received over SMTP, so a failure here bounces (5.6.0) instead of deferring.
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
}
