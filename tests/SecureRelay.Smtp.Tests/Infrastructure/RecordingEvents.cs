using System.Collections.Concurrent;
using System.Net;
using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

internal sealed class RecordingEvents : ISmtpServerEvents
{
    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<TimeSpan> AcceptLatencies { get; } = new();

    public void ConnectionOpened(SmtpSessionInfo session) => Log.Enqueue("opened");

    public void ConnectionRefused(string listenerName, IPEndPoint remoteEndPoint, SmtpReply reply) => Log.Enqueue($"refused {reply.Code}");

    public void ConnectionClosed(SmtpSessionInfo session, TimeSpan duration) => Log.Enqueue("closed");

    public void CommandRejected(SmtpSessionInfo session, string command, SmtpReply reply) => Log.Enqueue($"rejected {command} {reply.Code}");

    public void TlsEstablished(SmtpSessionInfo session) => Log.Enqueue("tls");

    public void TlsFailed(SmtpSessionInfo session) => Log.Enqueue("tls-failed");

    public void AuthSucceeded(SmtpSessionInfo session, string mechanism) => Log.Enqueue("auth-ok " + mechanism);

    public void AuthFailed(SmtpSessionInfo session, string mechanism) => Log.Enqueue("auth-failed " + mechanism);

    public void MessageAccepted(SmtpSessionInfo session, SmtpTransaction transaction, long sizeBytes, TimeSpan acceptLatency)
    {
        Log.Enqueue($"accepted {sizeBytes}");
        AcceptLatencies.Enqueue(acceptLatency);
    }

    public void MessageRejected(SmtpSessionInfo session, SmtpReply reply) => Log.Enqueue($"message-rejected {reply.Code}");
}
