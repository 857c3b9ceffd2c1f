using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace SecureRelay.Cli;

/// <summary>MailKit's client with the DSN parameters of sendmail's <c>-N</c> and <c>-V</c> flags.</summary>
internal sealed class SendmailSmtpClient(DeliveryStatusNotification? notify, string? envelopeId) : SmtpClient
{
    protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) => notify;

    protected override string? GetEnvelopeId(MimeMessage message) => envelopeId;
}
