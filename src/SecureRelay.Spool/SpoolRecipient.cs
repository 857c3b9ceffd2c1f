namespace SecureRelay.Spool;

/// <summary>One envelope recipient as stored.</summary>
/// <param name="Address">The mailbox (local@domain).</param>
/// <param name="NotifyFlags">RFC 3461 NOTIFY bit set as the SMTP layer's <c>DsnNotify</c> values
/// (0 unspecified, 1 never, 2 success, 4 failure, 8 delay). Persisted: values are frozen.</param>
/// <param name="OriginalRecipient">The ORCPT value, or null.</param>
public sealed record SpoolRecipient(string Address, int NotifyFlags, string? OriginalRecipient);
