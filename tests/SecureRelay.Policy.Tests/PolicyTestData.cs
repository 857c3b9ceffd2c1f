using System.Text;
using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests;

/// <summary>Shared builders for tests.</summary>
internal static class PolicyTestData
{
    public static Classification NotPhi { get; } = new(PhiVerdict.Clean, 0, 0, [], MessageCategory.Unspecified, ClassificationSource.Content);

    public static Classification PhiMessage { get; } = new(PhiVerdict.Phi, 2, 1.5,
        [new("dob", EvidenceSide.Who, 1, 0), new("mrn", EvidenceSide.Who, 1, 20), new("care_event", EvidenceSide.What, 1, 40)], MessageCategory.Unspecified, ClassificationSource.Content);

    public static Classification Uncertain { get; } = new(PhiVerdict.Uncertain, 0, 0, [], MessageCategory.Unspecified, ClassificationSource.Content, "unreadable:image");

    /// <summary>The default classifier with a generous time budget: tests about content must not turn
    /// into fail-closed timeouts on a loaded machine (the budget itself is tested separately).</summary>
    public static PhiClassifier Patient { get; } = PolicyCompiler.Parse("classifier:\n  limits: { timeout_ms: 60000 }\n", "test.yaml").Classifier;

    public static MessageEnvelope Envelope(string sender = "app@clinic.example", string? user = null, long size = 1000) => new(sender, user, size);

    public static MimeMessage Message(string body, string subject = "Hello", params (string Name, string Value)[] headers)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("app@clinic.example"));
        message.To.Add(MailboxAddress.Parse("someone@partner.example"));
        message.Subject = subject;
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public static MimeMessage WithAttachment(string body, string fileName, string mediaType, byte[] content)
    {
        var message = Message(body);
        var builder = new BodyBuilder { TextBody = body };
        var attachment = builder.Attachments.Add(fileName, content, ContentType.Parse(mediaType));
        message.Body = builder.ToMessageBody();
        return message;
    }

    public static MemoryStream ToStream(MimeMessage message)
    {
        var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return stream;
    }

    public static Task<Classification> Classify(MimeMessage message, PhiClassifier? classifier = null, string? user = null) =>
        (classifier ?? Patient).ClassifyAsync(message, Envelope(user: user));

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
