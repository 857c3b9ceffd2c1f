using SecureRelay.Contracts;
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
    /// (comma separated names, as in <c>policy.yaml</c>), or no decision at all when it is null.</summary>
    public static SpoolEnvelope WithMethods(DateTimeOffset receivedAt, string sender, string? methods, params string[] recipients) => new()
    {
        ReversePath = sender,
        Recipients = recipients.Select(r => new SpoolRecipient(r, 0, null)).ToList(),
        ReceivedAt = receivedAt,
        Decision = methods is null
            ? DecisionRecord.Undecided
            : new DecisionRecord { Recipients = recipients.Select(_ => Methods(methods)).ToList() },
    };

    /// <summary>A recipient decision with the comma separated method <paramref name="names"/>.</summary>
    public static RecipientDecisionRecord Methods(string names) => new()
    {
        Methods = names.Split(',').Select(n => DeliveryMethods.TryParse(n, out DeliveryMethod? m) ? m.Value : throw new ArgumentException("unknown method " + n, nameof(names))).ToList(),
    };

    /// <summary><paramref name="envelope"/> with its decision changed for every recipient.</summary>
    public static SpoolEnvelope WithRecipients(this SpoolEnvelope envelope, Func<RecipientDecisionRecord, RecipientDecisionRecord> change) =>
        envelope with { Decision = envelope.Decision with { Recipients = envelope.Decision.Recipients.Select(change).ToList() } };
}
