namespace SecureRelay.Smtp;

/// <summary>One accepted <c>RCPT TO</c> with its DSN parameters.</summary>
/// <param name="Address">The forward-path mailbox without angle brackets (local@domain).</param>
/// <param name="Notify">The <c>NOTIFY=</c> flags.</param>
/// <param name="OriginalRecipient">The <c>ORCPT=</c> value as given (addr-type;xtext-decoded address), or null.</param>
public sealed record SmtpRecipient(string Address, DsnNotify Notify, string? OriginalRecipient);
