using SecureRelay.Spool;

namespace SecureRelay.Delivery.Scheduling;

/// <summary>One recipient's result of one attempt.</summary>
/// <param name="Index">Envelope index.</param>
/// <param name="State">Pending for a deferral, else final.</param>
/// <param name="DsnStatus">RFC 3463 status code.</param>
/// <param name="Response">Reply text or local reason (no PHI).</param>
/// <param name="Relay">Server as host[ip]:port, or null.</param>
/// <param name="RemoteMta">Remote host name for the DSN's Remote-MTA, or null.</param>
/// <param name="FromRemote">The response is an SMTP reply of the remote server (Diagnostic-Code: smtp).</param>
internal sealed record RecipientResult(int Index, RecipientState State, string DsnStatus, string Response, string? Relay, string? RemoteMta, bool FromRemote)
{
    /// <summary>How the recipient's copy was protected (method, TLS, keys), for the audit log.</summary>
    public SecurityDetail? Security { get; init; }

    /// <summary>Builds a result from an SMTP reply: 2xx delivered, 4xx deferred, 5xx bounced.</summary>
    public static RecipientResult FromReply(int index, int code, string text, string? relay, string? remoteMta)
    {
        RecipientState state = code switch
        {
            >= 200 and < 300 => RecipientState.Delivered,
            >= 500 => RecipientState.Bounced,
            _ => RecipientState.Pending,
        };
        string flat = Flatten(text);
        return new RecipientResult(index, state, StatusText.Enhanced(code, flat), $"{code} {flat}", relay, remoteMta, FromRemote: true);
    }

    /// <summary>A local (non-SMTP) failure: connection, DNS, policy.</summary>
    public static RecipientResult Local(int index, RecipientState state, string dsnStatus, string reason, string? relay = null) =>
        new(index, state, dsnStatus, reason, relay, null, FromRemote: false);

    /// <summary>Collapses multi-line replies to one line for logs and storage.</summary>
    public static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
}
