using System.Security.Authentication;

namespace SecureRelay.Testing;

/// <summary>One message as <see cref="ScriptedSmtpSink"/> received it: the connection it came on
/// (from 1), the MAIL command line, the accepted recipients, the content (dot-unstuffed, CRLF lines)
/// and the TLS protocol of the session (None when plaintext).</summary>
public sealed record SinkMessage(int Connection, string MailFrom, IReadOnlyList<string> RcptTo, string Data, SslProtocols Tls = SslProtocols.None);
