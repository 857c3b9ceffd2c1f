namespace SecureRelay.Contracts;

/// <summary>
/// The policy decision for one message, written before the <c>250</c> and read by delivery and the
/// audit: the verdict class and category of the whole message, and per recipient (envelope order)
/// the rule, the ordered methods and the TLS demands. The spool persists it with the envelope under
/// <see cref="CurrentVersion"/>. Never PHI: names, verdicts and flags only.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary>The version of this record's persisted form. Raise it when a field is added; readers
    /// keep accepting every earlier version.</summary>
    public const byte CurrentVersion = 1;

    /// <summary>The methods used when a submitted message carries no decision for a recipient: fail
    /// closed, as for PHI.</summary>
    public static IReadOnlyList<DeliveryMethod> FailClosedMethods { get; } =
        [DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow];

    private static readonly IReadOnlyList<DeliveryMethod> RelayGeneratedMethods = [DeliveryMethod.Opportunistic];

    /// <summary>A submitted message for which nothing was decided: every recipient fails closed.</summary>
    public static DecisionRecord Undecided { get; } = new();

    /// <summary>The verdict class, or null when the message was not classified (relay-generated, or
    /// queued by a version that did not record it).</summary>
    public VerdictClass? Verdict { get; init; }

    /// <summary>The classifier score (the smaller of the WHO and WHAT sides).</summary>
    public double Score { get; init; }

    /// <summary>Names of the detectors that fired, or the signal that decided (<c>header</c>,
    /// <c>sender_rule:NAME</c>…).</summary>
    public IReadOnlyList<string> Detectors { get; init; } = [];

    /// <summary>Why the message is sent (HIPAA purpose).</summary>
    public MessageCategory Category { get; init; }

    /// <summary>Who wrote the message.</summary>
    public MessageOrigin Origin { get; init; }

    /// <summary>For a delivery report or an escrow notice: the queue id of the message it is about.</summary>
    public string? RelatedQueueId { get; init; }

    /// <summary>One entry per envelope recipient, in RCPT order (may be shorter: missing entries
    /// were not decided).</summary>
    public IReadOnlyList<RecipientDecisionRecord> Recipients { get; init; } = [];

    /// <summary>Anything but clean must never leave unprotected (an unknown verdict included).</summary>
    public bool IsProtected => Verdict != VerdictClass.Clean;

    /// <summary>A PHI-free message the relay writes itself (<paramref name="origin"/> other than
    /// submitted) about <paramref name="relatedQueueId"/>, to one recipient whose domain demands
    /// <paramref name="domainTls"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="origin"/> is <see cref="MessageOrigin.Submitted"/>.</exception>
    public static DecisionRecord RelayGenerated(MessageOrigin origin, string relatedQueueId, TlsRequirement domainTls = TlsRequirement.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(relatedQueueId);
        if (origin == MessageOrigin.Submitted)
        {
            throw new ArgumentException("a submitted message is decided by the policy", nameof(origin));
        }

        return new DecisionRecord
        {
            Origin = origin,
            RelatedQueueId = relatedQueueId,
            Recipients = domainTls == TlsRequirement.None ? [] : [new RecipientDecisionRecord { DomainTls = domainTls }],
        };
    }

    /// <summary>The decision for recipient <paramref name="index"/>, or null when none was recorded.</summary>
    public RecipientDecisionRecord? Recipient(int index) =>
        index >= 0 && index < Recipients.Count ? Recipients[index] : null;

    /// <summary>The ordered methods for recipient <paramref name="index"/>: the recorded ones;
    /// <c>opportunistic</c> for relay-generated messages; otherwise <see cref="FailClosedMethods"/>.</summary>
    public IReadOnlyList<DeliveryMethod> MethodsFor(int index) =>
        Recipient(index) is { Methods.Count: > 0 } r ? r.Methods
        : Origin != MessageOrigin.Submitted ? RelayGeneratedMethods
        : FailClosedMethods;
}
