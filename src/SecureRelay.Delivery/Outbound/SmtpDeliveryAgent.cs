using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;
using SecureRelay.Delivery.Dns;
using SecureRelay.Delivery.Routing;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outbound;

/// <summary>Opens SMTP connections (MX failover, opportunistic STARTTLS) and runs transactions on them.</summary>
internal sealed class SmtpDeliveryAgent(
    IMessageSpool spool,
    DeliveryOptions options,
    IMxResolver resolver,
    IOutboundTlsPolicy tlsPolicy,
    IOutboundMessageTransform transform,
    ILogger logger)
{
    /// <summary>Most addresses tried per connection attempt across all MX hosts.</summary>
    private const int MaxAddressesPerConnect = 5;

    /// <summary>Connects to the first reachable server of <paramref name="hop"/>: MX hosts in order, each
    /// address in turn; a connection failure or a non-2xx greeting moves on to the next.</summary>
    public async Task<(OutboundSession? Session, ConnectFailure? Failure)> ConnectAsync(string destination, NextHop hop, DestinationLimits limits, CancellationToken cancellationToken)
    {
        MxResolution resolution = await resolver.ResolveAsync(hop.Host, hop.UseMx, cancellationToken).ConfigureAwait(false);
        switch (resolution.Status)
        {
            case MxStatus.NullMx:
                return (null, new ConnectFailure(RecipientState.Bounced, "5.1.10", resolution.Error ?? "null MX"));
            case MxStatus.NoSuchDomain:
                return (null, new ConnectFailure(RecipientState.Bounced, "5.1.2", resolution.Error ?? "domain not found"));
            case MxStatus.TemporaryFailure:
                return (null, new ConnectFailure(RecipientState.Pending, "4.4.3", resolution.Error ?? "DNS lookup failed"));
        }

        string lastError = "no address to connect to";
        int tried = 0;
        foreach (MxHost host in resolution.Hosts)
        {
            foreach (IPAddress address in host.Addresses)
            {
                if (++tried > MaxAddressesPerConnect)
                {
                    return (null, new ConnectFailure(RecipientState.Pending, "4.4.1", lastError));
                }

                cancellationToken.ThrowIfCancellationRequested();
                (OutboundSession? session, string? error) = await TryConnectAsync(destination, host.Name, address, hop.Port, limits, cancellationToken).ConfigureAwait(false);
                if (session is not null)
                {
                    return (session, null);
                }

                lastError = error!;
                DeliveryLog.ConnectFailed(logger, destination, host.Name, address.ToString(), hop.Port, error!);
            }
        }

        return (null, new ConnectFailure(RecipientState.Pending, "4.4.1", lastError));
    }

    private async Task<(OutboundSession? Session, string? Error)> TryConnectAsync(string destination, string hostName, IPAddress address, int port, DestinationLimits limits, CancellationToken cancellationToken)
    {
        var client = new RelaySmtpClient
        {
            LocalDomain = options.HostName,
            Timeout = (int)Math.Clamp(limits.CommandTimeout.TotalMilliseconds, 1000, int.MaxValue),
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
        };
        var session = new OutboundSession(client, destination, hostName, address, port);
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            bool accept = tlsPolicy.AcceptCertificate(destination, hostName, certificate, chain, errors, out bool authenticated);
            session.CertificateAuthenticated = accept && authenticated;
            return accept;
        };

        Socket? socket = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.ConnectTimeout);
        try
        {
            socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
            // The host name (not the IP) goes to MailKit for SNI and certificate checks.
            await client.ConnectAsync(socket, hostName, port, SecureSocketOptions.StartTlsWhenAvailable, timeout.Token).ConfigureAwait(false);
            socket = null; // owned by the client now
            return (session, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            return (null, $"connect to {session.Relay}: timed out");
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpCommandException or SmtpProtocolException or SslHandshakeException or System.Security.Authentication.AuthenticationException)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            string why = ex is SmtpCommandException sce
                ? $"greeting {(int)sce.StatusCode} {RecipientResult.Flatten(sce.Message)}"
                : RecipientResult.Flatten(ex.Message);
            return (null, $"connect to {session.Relay}: {why}");
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    /// <summary>Runs one transaction for <paramref name="job"/> on <paramref name="session"/> and
    /// returns one result per recipient. Marks the session unusable when its state is unknown.</summary>
    public async Task<List<RecipientResult>> SendAsync(OutboundSession session, DeliveryJob job, CancellationToken cancellationToken)
    {
        QueuedMessage queued = job.Attempt.Message;
        SpoolEnvelope envelope = queued.Envelope;
        RelaySmtpClient client = session.Client;
        session.Messages++;

        if (envelope.RequireTls)
        {
            // RFC 8689 §4.2.1: never relay a REQUIRETLS message without authenticated TLS, and only to a
            // server that will keep the requirement.
            if (!client.IsEncrypted || !session.CertificateAuthenticated)
            {
                return AllLocal(job, RecipientState.Pending, "4.7.10", $"REQUIRETLS: {session.Relay} offered no authenticated TLS", session.Relay);
            }

            if (!client.Capabilities.HasFlag(SmtpCapabilities.RequireTLS))
            {
                return AllLocal(job, RecipientState.Bounced, "5.7.30", $"REQUIRETLS support required: {session.Relay} does not offer REQUIRETLS", session.Relay);
            }
        }

        client.RequireTLS = envelope.RequireTls;
        Stream content;
        try
        {
            content = await spool.OpenContentAsync(queued.QueueId, cancellationToken).ConfigureAwait(false);
        }
        catch (SpoolException ex)
        {
            // Damaged or unreadable content: the spool quarantines it; retry later rather than lose mail.
            DeliveryLog.ContentUnreadable(logger, queued.QueueId, ex.Message);
            return AllLocal(job, RecipientState.Pending, "4.3.0", "message content unreadable: " + ex.Message, null);
        }

        await using (content.ConfigureAwait(false))
        {
            // Persistent parsing keeps the body in the spool stream instead of copying it into memory.
            MimeMessage message = await MimeMessage.LoadAsync(content, persistent: content.CanSeek, cancellationToken).ConfigureAwait(false);
            message = await transform.TransformAsync(queued, job.RecipientIndices, job.Hop.Key, message, cancellationToken).ConfigureAwait(false);

            var mailboxes = new List<(MailboxAddress Mailbox, int Index)>(job.RecipientIndices.Length);
            foreach (int i in job.RecipientIndices)
            {
                mailboxes.Add((Mailbox(envelope.Recipients[i].Address), i));
            }

            client.Prepare(envelope, mailboxes.Select(m => (m.Mailbox, envelope.Recipients[m.Index])));
            MailboxAddress sender = envelope.ReversePath.Length == 0 ? NullSender() : Mailbox(envelope.ReversePath);
            var results = new List<RecipientResult>(mailboxes.Count);
            try
            {
                string reply = await client.SendAsync(FormatOptions.Default, message, sender, mailboxes.Select(m => m.Mailbox), cancellationToken).ConfigureAwait(false);
                foreach ((MailboxAddress mailbox, int index) in mailboxes)
                {
                    results.Add(client.Rejected.TryGetValue(mailbox, out SmtpResponse? rejected)
                        ? RecipientResult.FromReply(index, (int)rejected.StatusCode, rejected.Response, session.Relay, session.Host)
                        : RecipientResult.FromReply(index, 250, reply, session.Relay, session.Host));
                }
            }
            catch (NoRecipientsAcceptedException)
            {
                // MailKit leaves the transaction open (MAIL accepted, no RCPT); start afresh next time.
                session.Reusable = false;
                foreach ((MailboxAddress mailbox, int index) in mailboxes)
                {
                    SmtpResponse r = client.Rejected[mailbox];
                    results.Add(RecipientResult.FromReply(index, (int)r.StatusCode, r.Response, session.Relay, session.Host));
                }
            }
            catch (SmtpCommandException ex)
            {
                // MAIL or DATA refused: the same answer for every recipient not already refused.
                session.Reusable = false;
                foreach ((MailboxAddress mailbox, int index) in mailboxes)
                {
                    results.Add(client.Rejected.TryGetValue(mailbox, out SmtpResponse? rejected)
                        ? RecipientResult.FromReply(index, (int)rejected.StatusCode, rejected.Response, session.Relay, session.Host)
                        : RecipientResult.FromReply(index, (int)ex.StatusCode, ex.Message, session.Relay, session.Host));
                }
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Lost connection or timeout mid-transaction: the outcome is unknown, so defer all
                // (a duplicate is better than a loss).
                session.Reusable = false;
                session.ConnectionLost = true;
                return AllLocal(job, RecipientState.Pending, "4.4.2", $"lost connection with {session.Relay}: {RecipientResult.Flatten(ex.Message)}", session.Relay);
            }

            return results;
        }
    }

    /// <summary>The same local result for every recipient of the job.</summary>
    public static List<RecipientResult> AllLocal(DeliveryJob job, RecipientState state, string status, string reason, string? relay) =>
        job.RecipientIndices.Select(i => RecipientResult.Local(i, state, status, reason, relay)).ToList();

    private static MailboxAddress Mailbox(string address) => new(string.Empty, address);

    private static MailboxAddress NullSender() => new(string.Empty, string.Empty);
}
