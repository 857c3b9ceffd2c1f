using System.Globalization;
using SecureRelay.Metrics;
using SecureRelay.Smtp;

namespace SecureRelay.Hosting;

/// <summary>Turns SMTP server events into Prometheus metrics.</summary>
public sealed class SmtpMetricsObserver(RelayMetrics metrics) : ISmtpServerEvents
{
    /// <inheritdoc />
    public void ConnectionOpened(SmtpSessionInfo session)
    {
        metrics.ConnectionsTotal.WithLabels(session.ListenerName).Inc();
        metrics.ConnectionsActive.WithLabels(session.ListenerName).Inc();
    }

    /// <inheritdoc />
    public void ConnectionRefused(string listenerName, System.Net.IPEndPoint remoteEndPoint, SmtpReply reply) =>
        metrics.ConnectionsRefused.WithLabels(listenerName).Inc();

    /// <inheritdoc />
    public void ConnectionClosed(SmtpSessionInfo session, TimeSpan duration) =>
        metrics.ConnectionsActive.WithLabels(session.ListenerName).Dec();

    /// <inheritdoc />
    public void CommandRejected(SmtpSessionInfo session, string command, SmtpReply reply) =>
        metrics.Rejections.WithLabels(session.ListenerName, reply.Code.ToString(CultureInfo.InvariantCulture)).Inc();

    /// <inheritdoc />
    public void MessageRejected(SmtpSessionInfo session, SmtpReply reply) =>
        metrics.Rejections.WithLabels(session.ListenerName, reply.Code.ToString(CultureInfo.InvariantCulture)).Inc();

    /// <inheritdoc />
    public void TlsEstablished(SmtpSessionInfo session) => metrics.TlsHandshakes.WithLabels(session.ListenerName, "ok").Inc();

    /// <inheritdoc />
    public void TlsFailed(SmtpSessionInfo session) => metrics.TlsHandshakes.WithLabels(session.ListenerName, "failed").Inc();

    /// <inheritdoc />
    public void AuthSucceeded(SmtpSessionInfo session, string mechanism) => metrics.AuthAttempts.WithLabels(session.ListenerName, "ok").Inc();

    /// <inheritdoc />
    public void AuthFailed(SmtpSessionInfo session, string mechanism) => metrics.AuthAttempts.WithLabels(session.ListenerName, "failed").Inc();

    /// <inheritdoc />
    public void MessageAccepted(SmtpSessionInfo session, SmtpTransaction transaction, long sizeBytes, TimeSpan acceptLatency) =>
        metrics.AcceptLatency.WithLabels(session.ListenerName).Observe(acceptLatency.TotalSeconds);
}
