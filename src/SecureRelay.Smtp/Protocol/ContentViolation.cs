namespace SecureRelay.Smtp.Protocol;

/// <summary>Why received message content cannot be accepted (the first problem found wins).</summary>
internal enum ContentViolation
{
    None,
    SizeExceeded,
    HeaderTooLarge,
    LineTooLong,
    BareLineEnding,
    Nul,
}
