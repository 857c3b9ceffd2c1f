using MimeKit;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// Splits a message into the part to encrypt and the outer envelope. With subject protection on,
/// the original header fields travel inside the encrypted part ("protected headers", as in
/// draft-autocrypt-lamps-protected-headers: <c>protected-headers="v1"</c> on the inner
/// Content-Type) and the outer Subject becomes a neutral one.
/// </summary>
internal static class ProtectedHeaders
{
    private static readonly HeaderId[] Carried =
    [
        HeaderId.From, HeaderId.To, HeaderId.Cc, HeaderId.ReplyTo, HeaderId.Subject,
        HeaderId.Date, HeaderId.MessageId, HeaderId.InReplyTo, HeaderId.References,
    ];

    /// <summary>The entity to encrypt. Reuses (and, with protection on, annotates) the original body.</summary>
    public static MimeEntity InnerEntity(MimeMessage message, bool protect)
    {
        var body = message.Body ?? throw new MessageProtectionException("message has no body to protect");
        if (protect)
        {
            body.ContentType.Parameters["protected-headers"] = "v1";
            foreach (var id in Carried)
            {
                body.Headers.RemoveAll(id);
                foreach (var header in message.Headers.Where(h => h.Id == id))
                {
                    body.Headers.Add(header.Clone());
                }
            }
        }

        return body;
    }

    /// <summary>A new message with the original's headers (minus any now-invalid DKIM signature) around <paramref name="encrypted"/>.</summary>
    public static MimeMessage Envelope(MimeMessage message, MimeEntity encrypted, bool protect, string neutralSubject)
    {
        var outer = new MimeMessage();
        outer.Headers.Clear();
        foreach (var header in message.Headers)
        {
            if (header.Id is HeaderId.DkimSignature or HeaderId.ArcSeal or HeaderId.ArcMessageSignature or HeaderId.ArcAuthenticationResults)
            {
                continue;
            }

            outer.Headers.Add(header.Clone());
        }

        if (protect)
        {
            outer.Subject = neutralSubject;
        }

        if (outer.MessageId is null)
        {
            outer.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        }

        outer.Body = encrypted;
        return outer;
    }
}
