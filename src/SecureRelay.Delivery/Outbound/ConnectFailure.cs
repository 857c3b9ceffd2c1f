using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outbound;

/// <summary>Why no connection to a destination could be made, and what that means for its recipients.</summary>
/// <param name="State">Pending (defer) or Bounced.</param>
/// <param name="DsnStatus">RFC 3463 status.</param>
/// <param name="Reason">Text for logs and the DSN.</param>
/// <param name="TlsFailed">The last server was reached but TLS could not be established or verified
/// (a TLS delivery method failed, not the destination).</param>
internal sealed record ConnectFailure(RecipientState State, string DsnStatus, string Reason, bool TlsFailed = false);
