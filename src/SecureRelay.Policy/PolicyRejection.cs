using System.Globalization;

namespace SecureRelay.Policy;

/// <summary>An SMTP refusal decided by policy, to be sent to the submitting application.</summary>
/// <param name="Code">Basic reply code (4xx/5xx).</param>
/// <param name="EnhancedCode">RFC 3463 enhanced status code, e.g. <c>5.7.1</c>.</param>
/// <param name="Text">Reply text: ASCII, no PHI.</param>
public sealed record PolicyRejection(int Code, string EnhancedCode, string Text)
{
    /// <summary>Marketing with PHI to a recipient without a recorded authorization (HIPAA 45 CFR 164.508(a)(3)).</summary>
    public static PolicyRejection MarketingWithoutAuthorization { get; } =
        new(550, "5.7.1", "Marketing message contains PHI and the recipient has no recorded authorization");

    /// <summary>Marketing to a suppressed recipient.</summary>
    public static PolicyRejection Suppressed { get; } =
        new(550, "5.7.1", "Recipient has opted out of marketing messages");

    /// <summary>Message larger than the recipient domain's limit.</summary>
    public static PolicyRejection TooBigForDomain { get; } =
        new(552, "5.3.4", "Message too big for recipient domain");

    /// <summary>Policy could not be evaluated (a rule expression timed out, a store failed): try later.</summary>
    public static PolicyRejection TemporaryFailure { get; } =
        new(451, "4.3.0", "Policy evaluation failed, try again later");

    /// <summary>Default text of a rule that rejects without its own.</summary>
    public static PolicyRejection RuleDefault { get; } =
        new(550, "5.7.1", "Message refused by policy");

    /// <summary>Whether the refusal is temporary (4xx).</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>The reply line: <c>550 5.7.1 text</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} {EnhancedCode} {Text}");
}
