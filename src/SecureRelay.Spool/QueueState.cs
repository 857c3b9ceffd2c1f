namespace SecureRelay.Spool;

/// <summary>Where a message sits in the queue. Persisted as integers: values are frozen.</summary>
public enum QueueState
{
    /// <summary>Ready for delivery now.</summary>
    Active = 0,
    /// <summary>Waiting until its next-attempt time after a temporary failure.</summary>
    Deferred = 1,
    /// <summary>Kept back by an admin or by policy; not delivered until released.</summary>
    Held = 2,
}
