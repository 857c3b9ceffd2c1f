namespace SecureRelay.Delivery.Audit;

/// <summary>Append-only security audit trail of delivery: one <see cref="AuditRecord"/> per recipient
/// per attempt. Implementations must be thread-safe; records carry no subject or body text.</summary>
public interface IAuditLog
{
    /// <summary>Appends one record durably enough to survive a process crash (flushed to the OS).</summary>
    /// <exception cref="IOException">The record could not be written.</exception>
    void Write(AuditRecord record);
}
