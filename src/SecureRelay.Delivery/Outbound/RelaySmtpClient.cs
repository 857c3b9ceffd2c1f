using MailKit;
using MailKit.Net.Smtp;
using MimeKit;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outbound;

/// <summary>
/// MailKit's client with relay behaviour: DSN parameters (NOTIFY, ORCPT, ENVID, RET) passed through
/// from the stored envelope, and per-recipient RCPT failures captured instead of failing the whole
/// transaction.
/// </summary>
internal sealed class RelaySmtpClient : SmtpClient
{
    private readonly Dictionary<MailboxAddress, SpoolRecipient> _recipients = new(ReferenceEqualityComparer.Instance);
    private SpoolEnvelope? _envelope;

    /// <summary>RCPT rejections of the current transaction, by mailbox instance.</summary>
    public Dictionary<MailboxAddress, SmtpResponse> Rejected { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Sets up the next transaction's DSN parameters.</summary>
    public void Prepare(SpoolEnvelope envelope, IEnumerable<(MailboxAddress Mailbox, SpoolRecipient Recipient)> recipients)
    {
        _envelope = envelope;
        _recipients.Clear();
        Rejected.Clear();
        foreach ((MailboxAddress mailbox, SpoolRecipient recipient) in recipients)
        {
            _recipients[mailbox] = recipient;
        }

        DeliveryStatusNotificationType = envelope.DsnReturn switch
        {
            1 => DeliveryStatusNotificationType.Full,
            2 => DeliveryStatusNotificationType.HeadersOnly,
            _ => DeliveryStatusNotificationType.Unspecified,
        };
    }

    /// <summary>What the SMTP server saw of the next copy's body when that body is the received one,
    /// else null.</summary>
    public ContentFacts? BodyAsReceived { get; set; }

    /// <summary>MimeKit's preparation scans every part (and may re-encode it) to fit the server's
    /// 8BITMIME support and the line limit. A received body whose every line already fits, and that is
    /// 7-bit or goes to a server taking 8-bit, is sent as received: no scan, and no change that would
    /// break the originator's DKIM signature. Anything else is prepared as usual.</summary>
    protected override void Prepare(FormatOptions options, MimeMessage message, EncodingConstraint constraint, int maxLineLength)
    {
        // Strictly shorter: re-applying dot-stuffing may add one octet to a line.
        if (BodyAsReceived is { } body && body.LongestLine < maxLineLength && (!body.EightBit || constraint != EncodingConstraint.SevenBit))
        {
            return;
        }

        base.Prepare(options, message, constraint, maxLineLength);
    }

    protected override string? GetEnvelopeId(MimeMessage message) => _envelope?.EnvelopeId;

    protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox)
    {
        if (!_recipients.TryGetValue(mailbox, out SpoolRecipient? r) || r.NotifyFlags == 0)
        {
            return null;
        }

        // Stored bits follow the SMTP layer's DsnNotify: 1 never, 2 success, 4 failure, 8 delay.
        if ((r.NotifyFlags & 1) != 0)
        {
            return DeliveryStatusNotification.Never;
        }

        DeliveryStatusNotification n = 0;
        if ((r.NotifyFlags & 2) != 0)
        {
            n |= DeliveryStatusNotification.Success;
        }

        if ((r.NotifyFlags & 4) != 0)
        {
            n |= DeliveryStatusNotification.Failure;
        }

        if ((r.NotifyFlags & 8) != 0)
        {
            n |= DeliveryStatusNotification.Delay;
        }

        return n;
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        Rejected[mailbox] = response;

    protected override void OnNoRecipientsAccepted(MimeMessage message) => throw new NoRecipientsAcceptedException();
}
