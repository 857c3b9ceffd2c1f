using System.Text;
using MimeKit;
using MimeKit.Utils;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Dsn;

/// <summary>
/// Builds RFC 3464 non-delivery reports: a human-readable part, a message/delivery-status part and a
/// text/rfc822-headers part. The original body is never included (it may hold PHI), nor the Subject or
/// any header outside a small allowlist of routing and identification headers.
/// </summary>
internal static class DsnBuilder
{
    /// <summary>Headers copied into the text/rfc822-headers part: identification and routing only.
    /// Subject, Content-* (file names), Comments, Keywords and anything custom are left out.</summary>
    internal static readonly HashSet<string> AllowedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Received", "Return-Path", "From", "Sender", "Reply-To", "To", "Cc", "Date", "Message-ID",
        "In-Reply-To", "References", "MIME-Version", "Auto-Submitted",
    };

    /// <summary>Decides whether the sender wants a failure DSN for this recipient (RFC 3461 §4.1:
    /// without NOTIFY the default is failure reports; NOTIFY=NEVER or a list without FAILURE means none).</summary>
    public static bool WantsFailureReport(SpoolRecipient recipient)
    {
        int flags = recipient.NotifyFlags;
        return flags == 0 || ((flags & 1) == 0 && (flags & 4) != 0);
    }

    /// <summary>Builds the report for <paramref name="failed"/> recipients of <paramref name="queued"/>.</summary>
    public static MimeMessage Build(string reportingMta, QueuedMessage queued, IReadOnlyList<RecipientResult> failed, HeaderList? originalHeaders, DateTimeOffset now)
    {
        SpoolEnvelope envelope = queued.Envelope;
        bool expired = failed.Any(f => f.State == RecipientState.Expired);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@" + reportingMta));
        message.To.Add(new MailboxAddress(string.Empty, envelope.ReversePath));
        message.Subject = expired ? "Undelivered Mail Returned to Sender (delivery time expired)" : "Undelivered Mail Returned to Sender";
        message.Date = now;
        message.MessageId = MimeUtils.GenerateMessageId(reportingMta);
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var text = new StringBuilder();
        text.Append("This is the mail system at host ").Append(reportingMta).Append(".\n\n")
            .Append("Your message could not be delivered to one or more recipients.\n")
            .Append("The message content is not included in this report.\n\n");
        foreach (RecipientResult f in failed)
        {
            text.Append('<').Append(envelope.Recipients[f.Index].Address).Append(">: ")
                .Append(f.State == RecipientState.Expired ? "delivery time expired; last error: " : string.Empty)
                .Append(f.Response).Append('\n');
        }

        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = text.ToString() },
        };

        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList
        {
            { "Reporting-MTA", "dns; " + reportingMta },
        };
        if (!string.IsNullOrEmpty(envelope.EnvelopeId))
        {
            perMessage.Add("Original-Envelope-Id", envelope.EnvelopeId);
        }

        perMessage.Add("Arrival-Date", DateUtils.FormatDate(envelope.ReceivedAt));
        status.StatusGroups.Add(perMessage);
        foreach (RecipientResult f in failed)
        {
            SpoolRecipient r = envelope.Recipients[f.Index];
            var group = new HeaderList
            {
                { "Final-Recipient", "rfc822; " + r.Address },
            };
            if (!string.IsNullOrEmpty(r.OriginalRecipient))
            {
                group.Add("Original-Recipient", r.OriginalRecipient);
            }

            group.Add("Action", "failed");
            group.Add("Status", f.DsnStatus);
            if (f.RemoteMta is not null)
            {
                group.Add("Remote-MTA", "dns; " + f.RemoteMta);
            }

            group.Add("Diagnostic-Code", (f.FromRemote ? "smtp; " : "X-SecureRelay; ") + f.Response);
            group.Add("Last-Attempt-Date", DateUtils.FormatDate(now));
            status.StatusGroups.Add(group);
        }

        report.Add(status);
        if (originalHeaders is not null)
        {
            var kept = new HeaderList();
            foreach (Header h in originalHeaders)
            {
                if (AllowedHeaders.Contains(h.Field))
                {
                    kept.Add(h.Clone());
                }
            }

            var headerBytes = new MemoryStream();
            kept.WriteTo(FormatOptions.Default, headerBytes);
            headerBytes.Position = 0;
            report.Add(new MimePart("text", "rfc822-headers") { Content = new MimeContent(headerBytes) });
        }

        message.Body = report;
        return message;
    }
}
