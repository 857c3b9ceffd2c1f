namespace SecureRelay.Policy.Phi;

/// <summary>What decided a <see cref="Classification"/>. Persisted: never renumber.</summary>
public enum ClassificationSource
{
    /// <summary>The content detectors.</summary>
    Content = 0,

    /// <summary>The <c>X-SecureRelay-Classification</c> header.</summary>
    Header = 1,

    /// <summary>A subject tag such as <c>[secure]</c>.</summary>
    SubjectTag = 2,

    /// <summary>A sender rule in <c>policy.yaml</c>.</summary>
    SenderRule = 3,

    /// <summary>An error, limit or timeout: classified uncertain (fail closed: never clean).</summary>
    Failure = 4,
}
