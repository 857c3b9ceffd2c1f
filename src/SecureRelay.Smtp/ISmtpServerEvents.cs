using System.Net;

namespace SecureRelay.Smtp;

/// <summary>
/// Observer of SMTP server activity, for metrics. Every method has an empty default so a host
/// implements only what it counts. Calls are made on the session's flow; implementations must be
/// fast and must not throw. Arguments never carry message content.
/// </summary>
public interface ISmtpServerEvents
{
    /// <summary>A client connected and passed the per-address connection limit.</summary>
    void ConnectionOpened(SmtpSessionInfo session) { }

    /// <summary>A connection was refused at connect with <paramref name="reply"/> (for example the
    /// per-address connection limit, <c>421 4.7.0</c>).</summary>
    void ConnectionRefused(string listenerName, IPEndPoint remoteEndPoint, SmtpReply reply) { }

    /// <summary>A session ended, however it ended.</summary>
    void ConnectionClosed(SmtpSessionInfo session, TimeSpan duration) { }

    /// <summary>A command got a 4xx or 5xx reply. <paramref name="command"/> is the upper-case verb
    /// (a bounded set; <c>UNKNOWN</c> for unrecognised input).</summary>
    void CommandRejected(SmtpSessionInfo session, string command, SmtpReply reply) { }

    /// <summary>A TLS handshake completed (STARTTLS or implicit).</summary>
    void TlsEstablished(SmtpSessionInfo session) { }

    /// <summary>A TLS handshake failed or timed out.</summary>
    void TlsFailed(SmtpSessionInfo session) { }

    /// <summary>AUTH succeeded with <paramref name="mechanism"/> (PLAIN or LOGIN).</summary>
    void AuthSucceeded(SmtpSessionInfo session, string mechanism) { }

    /// <summary>AUTH failed (bad credentials) with <paramref name="mechanism"/>.</summary>
    void AuthFailed(SmtpSessionInfo session, string mechanism) { }

    /// <summary>A message was accepted (<c>250</c> after the final dot or BDAT LAST).
    /// <paramref name="acceptLatency"/> runs from the end of data being received to the reply being written.</summary>
    void MessageAccepted(SmtpSessionInfo session, SmtpTransaction transaction, long sizeBytes, TimeSpan acceptLatency) { }

    /// <summary>A message was refused after its content was received (limits, bare line endings, or the sink's reply).</summary>
    void MessageRejected(SmtpSessionInfo session, SmtpReply reply) { }
}
