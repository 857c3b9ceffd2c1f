using System.Globalization;
using System.Net;
using MimeKit;
using MimeKit.Utils;

namespace SecureRelay.Security.Escrow;

/// <summary>
/// Builds the notice email telling a recipient that a secure message waits in the escrow portal.
/// By construction it holds NO PHI: it never looks at the original message, so no subject, body
/// text or attachment name can leak; only the sender organisation (or domain), the portal link and
/// the expiry date.
/// </summary>
public sealed class EscrowNoticeBuilder
{
    private readonly EscrowOptions _options;
    private readonly MailboxAddress _sender;
    private readonly string _portalBase;

    /// <summary>Creates a builder from the escrow settings.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public EscrowNoticeBuilder(EscrowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        _sender = MailboxAddress.Parse(options.NoticeSender);
        _portalBase = options.PortalBaseUrl.TrimEnd('/');
    }

    /// <summary>The portal link for a token: <c>{portal_base_url}/m/{token}</c>.</summary>
    public string PortalLink(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return _portalBase + "/m/" + Uri.EscapeDataString(token);
    }

    /// <summary>Builds the notice for one stored message.</summary>
    /// <param name="stored">What <c>EscrowStore.Store</c> returned (token and expiry).</param>
    /// <param name="recipient">Recipient address.</param>
    /// <param name="senderDomain">Domain of the original sender; shown when no <c>sender_organisation</c> is set.</param>
    public MimeMessage Build(EscrowStoreResult stored, string recipient, string? senderDomain)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var organisation = !string.IsNullOrWhiteSpace(_options.SenderOrganisation)
            ? _options.SenderOrganisation.Trim()
            : !string.IsNullOrWhiteSpace(senderDomain) ? senderDomain.Trim().ToLowerInvariant() : _sender.Domain;
        var link = PortalLink(stored.Token);
        var expires = stored.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        var text = $"""
            You have a secure message from {organisation}.

            To read it, open this link:
            {link}

            The message is available until {expires}.
            This notice contains no part of the message itself.
            """;
        var encodedOrg = WebUtility.HtmlEncode(organisation);
        var encodedLink = WebUtility.HtmlEncode(link);
        var html = $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Secure message</title></head>
            <body>
            <p>You have a secure message from <strong>{encodedOrg}</strong>.</p>
            <p><a href="{encodedLink}">Read the secure message</a></p>
            <p>The message is available until {expires}.</p>
            <p>This notice contains no part of the message itself.</p>
            </body></html>
            """;

        var message = new MimeMessage();
        message.From.Add(_sender);
        message.To.Add(ToAddress(recipient));
        message.Subject = "You have a secure message from " + organisation;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeUtils.GenerateMessageId(_sender.Domain);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>The envelope address as SMTP accepted it. A local part MimeKit's parser refuses even in
    /// loose mode ("a..b", ".lead") is written quoted, which names the same mailbox, rather than leave
    /// the escrowed message stuck in the queue.</summary>
    private static MailboxAddress ToAddress(string recipient)
    {
        if (MailboxAddress.TryParse(LooseAddresses, recipient, out var parsed))
        {
            return parsed;
        }

        var at = recipient.LastIndexOf('@');
        var local = at > 0 ? recipient[..at] : recipient;
        var quoted = "\"" + local.Trim('"').Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return new MailboxAddress(string.Empty, at > 0 ? quoted + recipient[at..] : quoted);
    }

    private static readonly ParserOptions LooseAddresses = new() { AddressParserComplianceMode = RfcComplianceMode.Looser };
}
