namespace SecureRelay.Spool;

/// <summary>What <see cref="IMessageSpool.OpenAsync"/> found.</summary>
/// <param name="Messages">Messages with pending recipients (to be delivered again).</param>
/// <param name="Quarantined">Damaged records moved to quarantine (never deleted), by queue id.</param>
/// <param name="Elapsed">Time the recovery took.</param>
public sealed record SpoolRecoveryReport(long Messages, IReadOnlyList<string> Quarantined, TimeSpan Elapsed);
