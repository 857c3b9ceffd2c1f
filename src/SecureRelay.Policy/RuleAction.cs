namespace SecureRelay.Policy;

/// <summary>What a matching rule does.</summary>
public enum RuleAction
{
    /// <summary>Deliver with the rule's (or default) methods.</summary>
    Deliver = 0,

    /// <summary>Refuse with the rule's SMTP reply.</summary>
    Reject = 1,

    /// <summary>Accept and quarantine for an admin.</summary>
    Hold = 2,
}
