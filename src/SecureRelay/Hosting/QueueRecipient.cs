namespace SecureRelay.Hosting;

/// <summary>A recipient's state in <see cref="QueueEntry"/>.</summary>
public sealed record QueueRecipient(string Address, string State, int Attempts, string? LastResponse);
