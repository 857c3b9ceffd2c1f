using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outbound;

/// <summary>Why no connection to a destination could be made, and what that means for its recipients.</summary>
/// <param name="State">Pending (defer) or Bounced.</param>
/// <param name="DsnStatus">RFC 3463 status.</param>
/// <param name="Reason">Text for logs and the DSN.</param>
internal sealed record ConnectFailure(RecipientState State, string DsnStatus, string Reason);
