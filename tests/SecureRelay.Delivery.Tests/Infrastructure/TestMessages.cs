using SecureRelay.Policy;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>Envelopes and contents for tests.</summary>
public static class TestMessages
{
    public const string SecretSubject = "Lab results for patient 4711";
    public const string SecretBody = "PHI-BODY-MARKER: diagnosis details";

    public static string Content(string from = "app@sender.test", string to = "someone@dest.test") =>
        $"From: <{from}>\nTo: <{to}>\nSubject: {SecretSubject}\nX-Patient-Id: 4711\nMessage-ID: <m1@sender.test>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain\n\n{SecretBody}\n.leading dot line\n";

    /// <summary>A non-PHI envelope: every recipient's policy decision is <c>opportunistic</c> (the
    /// scheduler fails closed without a decision).</summary>
    public static SpoolEnvelope Envelope(DateTimeOffset receivedAt, string sender, params string[] recipients) =>
        WithMethods(receivedAt, sender, "opportunistic", recipients);

    /// <summary>An envelope whose every recipient has the method list <paramref name="methods"/>
    /// (comma separated, as in the annotations), or no decision at all when it is null.</summary>
    public static SpoolEnvelope WithMethods(DateTimeOffset receivedAt, string sender, string? methods, params string[] recipients) => new()
    {
        ReversePath = sender,
        Recipients = recipients.Select(r => new SpoolRecipient(r, 0, null)).ToList(),
        ReceivedAt = receivedAt,
        Annotations = methods is null
            ? new Dictionary<string, string>()
            : Enumerable.Range(0, recipients.Length).ToDictionary(i => PolicyAnnotations.MethodsKey(i), _ => methods),
    };
}
