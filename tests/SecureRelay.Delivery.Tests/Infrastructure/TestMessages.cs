using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>Envelopes and contents for tests.</summary>
public static class TestMessages
{
    public const string SecretSubject = "Lab results for patient 4711";
    public const string SecretBody = "PHI-BODY-MARKER: diagnosis details";

    public static string Content(string from = "app@sender.test", string to = "someone@dest.test") =>
        $"From: <{from}>\nTo: <{to}>\nSubject: {SecretSubject}\nX-Patient-Id: 4711\nMessage-ID: <m1@sender.test>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain\n\n{SecretBody}\n.leading dot line\n";

    public static SpoolEnvelope Envelope(DateTimeOffset receivedAt, string sender, params string[] recipients) => new()
    {
        ReversePath = sender,
        Recipients = recipients.Select(r => new SpoolRecipient(r, 0, null)).ToList(),
        ReceivedAt = receivedAt,
    };
}
