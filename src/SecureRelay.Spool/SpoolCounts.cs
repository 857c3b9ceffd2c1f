namespace SecureRelay.Spool;

/// <summary>Messages per queue state, for metrics and <c>queue</c> tools.</summary>
public sealed record SpoolCounts(long Active, long Deferred, long Held, long Quarantined);
