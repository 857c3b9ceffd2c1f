using Microsoft.Extensions.Logging;

namespace SecureRelay.Smtp.Session;

/// <summary>Source-generated log messages of the SMTP server. Ids are stable (100–199). Never a body,
/// a subject, a password or an AUTH blob; addresses only at Debug.</summary>
internal static partial class SmtpLog
{
    [LoggerMessage(1000, LogLevel.Information, "SMTP session {SessionId} opened on {Listener} from {Remote}")]
    public static partial void SessionOpened(ILogger logger, string sessionId, string listener, string remote);

    [LoggerMessage(1001, LogLevel.Information, "SMTP session {SessionId} closed after {DurationMs} ms ({Messages} messages)")]
    public static partial void SessionClosed(ILogger logger, string sessionId, long durationMs, int messages);

    [LoggerMessage(1002, LogLevel.Warning, "SMTP connection from {Remote} on {Listener} refused: {Count} connections from that address")]
    public static partial void TooManyConnections(ILogger logger, string remote, string listener, int count);

    [LoggerMessage(1003, LogLevel.Debug, "SMTP session {SessionId}: {Command} rejected with {Code} {EnhancedCode}")]
    public static partial void CommandRejected(ILogger logger, string sessionId, string command, int code, string enhancedCode);

    [LoggerMessage(1004, LogLevel.Information, "SMTP session {SessionId}: TLS established ({Protocol}, {Cipher})")]
    public static partial void TlsEstablished(ILogger logger, string sessionId, string protocol, string cipher);

    [LoggerMessage(1005, LogLevel.Warning, "SMTP session {SessionId}: TLS handshake failed")]
    public static partial void TlsFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "SMTP session {SessionId}: discarded {Bytes} plaintext bytes pipelined after STARTTLS")]
    public static partial void StartTlsInjection(ILogger logger, string sessionId, long bytes);

    [LoggerMessage(1007, LogLevel.Information, "SMTP session {SessionId}: authenticated as {User} with {Mechanism}")]
    public static partial void AuthSucceeded(ILogger logger, string sessionId, string user, string mechanism);

    [LoggerMessage(1008, LogLevel.Warning, "SMTP session {SessionId}: AUTH {Mechanism} failed from {Remote}")]
    public static partial void AuthFailed(ILogger logger, string sessionId, string mechanism, string remote);

    [LoggerMessage(1009, LogLevel.Warning, "SMTP session {SessionId}: AUTH refused, {Remote} is locked out after repeated failures")]
    public static partial void AuthLockedOut(ILogger logger, string sessionId, string remote);

    [LoggerMessage(1010, LogLevel.Debug, "SMTP session {SessionId}: message accepted, {Size} bytes, {Recipients} recipients, {LatencyMs:F3} ms")]
    public static partial void MessageAccepted(ILogger logger, string sessionId, long size, int recipients, double latencyMs);

    [LoggerMessage(1011, LogLevel.Information, "SMTP session {SessionId}: message refused with {Code} {EnhancedCode} after {Size} bytes")]
    public static partial void MessageRejected(ILogger logger, string sessionId, int code, string enhancedCode, long size);

    [LoggerMessage(1012, LogLevel.Error, "SMTP session {SessionId}: the message acceptor failed during {Stage}")]
    public static partial void AcceptorFailed(ILogger logger, string sessionId, string stage, Exception exception);

    [LoggerMessage(1013, LogLevel.Information, "SMTP session {SessionId}: {Reason}; closing")]
    public static partial void Closing(ILogger logger, string sessionId, string reason);

    [LoggerMessage(1014, LogLevel.Debug, "SMTP session {SessionId}: connection lost")]
    public static partial void ConnectionLost(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(1015, LogLevel.Debug, "SMTP session {SessionId}: message contains 8-bit data without BODY=8BITMIME")]
    public static partial void EightBitWithoutDeclaration(ILogger logger, string sessionId);

    [LoggerMessage(1016, LogLevel.Error, "SMTP session {SessionId}: unexpected failure")]
    public static partial void SessionFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(1017, LogLevel.Warning, "SMTP connection from {Remote} on {Listener} refused: {Limit} connections open (limits.max_connections)")]
    public static partial void ServerFull(ILogger logger, string remote, string listener, int limit);

    [LoggerMessage(1018, LogLevel.Warning, "SMTP session {SessionId}: AUTH from {Remote} refused, the user name is locked out after repeated failures")]
    public static partial void AuthUserLockedOut(ILogger logger, string sessionId, string remote);
}
