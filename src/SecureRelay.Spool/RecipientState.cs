namespace SecureRelay.Spool;

/// <summary>The state of one recipient. Persisted as integers: values are frozen.</summary>
public enum RecipientState
{
    /// <summary>Not yet finished (never tried, or deferred).</summary>
    Pending = 0,
    /// <summary>The next hop accepted it.</summary>
    Delivered = 1,
    /// <summary>Permanently failed; a bounce was generated where one is due.</summary>
    Bounced = 2,
    /// <summary>Reached the maximum queue age; a bounce was generated where one is due.</summary>
    Expired = 3,
    /// <summary>Removed by an admin.</summary>
    Deleted = 4,
}
