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
using SecureRelay.Security.Tls;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outbound;

/// <summary>Opens SMTP connections (MX failover, STARTTLS when offered, certificate validation by the
/// recipient TLS policy) and runs transactions on them.</summary>
internal sealed class SmtpDeliveryAgent(
    DeliveryOptions options,
    IMxResolver resolver,
    IOutboundTlsPolicy tlsPolicy,
    RecipientTlsServices? tls,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Most addresses tried per connection attempt across all MX hosts.</summary>
    private const int MaxAddressesPerConnect = 5;

    /// <summary>Connects to the first reachable server of <paramref name="hop"/>: MX hosts in order, each
    /// address in turn; a connection failure or a non-2xx greeting moves on to the next. MX hosts an
    /// MTA-STS <c>enforce</c> policy does not list are skipped.</summary>
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

        RecipientTlsPolicy? policy = null;
        if (tls is not null)
        {
            // DANE and MTA-STS belong to the recipient domain's MX set; a static route to a host is an
            // administrative choice, checked by PKIX against the host name only.
            policy = hop.UseMx
                ? await tls.Resolver.ResolveAsync(hop.Host, resolution.Hosts.Select(h => h.Name).ToList(), cancellationToken, hop.Port).ConfigureAwait(false)
                : RecipientTlsPolicy.None(hop.Host, time.GetUtcNow());
        }

        string lastError = "no address to connect to";
        bool lastTls = false;
        int tried = 0;
        foreach (MxHost host in resolution.Hosts)
        {
            if (policy is not null && !policy.IsMxPermitted(host.Name))
            {
                lastError = $"MX {host.Name} not permitted by the MTA-STS policy of {policy.Domain}";
                lastTls = true;
                continue;
            }

            foreach (IPAddress address in host.Addresses)
            {
                if (++tried > MaxAddressesPerConnect)
                {
                    return (null, new ConnectFailure(RecipientState.Pending, "4.4.1", lastError, lastTls));
                }

                cancellationToken.ThrowIfCancellationRequested();
                (OutboundSession? session, string? error, bool tlsFailed) = await TryConnectAsync(destination, host.Name, address, hop.Port, limits, policy, cancellationToken).ConfigureAwait(false);
                if (session is not null)
                {
                    return (session, null);
                }

                lastError = error!;
                lastTls = tlsFailed;
                DeliveryLog.ConnectFailed(logger, destination, host.Name, address.ToString(), hop.Port, error!);
            }
        }

        return (null, new ConnectFailure(RecipientState.Pending, "4.4.1", lastError, lastTls));
    }

    private async Task<(OutboundSession? Session, string? Error, bool TlsFailed)> TryConnectAsync(string destination, string hostName, IPAddress address, int port, DestinationLimits limits, RecipientTlsPolicy? policy, CancellationToken cancellationToken)
    {
        var client = new RelaySmtpClient
        {
            LocalDomain = options.HostName,
            Timeout = (int)Math.Clamp(limits.CommandTimeout.TotalMilliseconds, 1000, int.MaxValue),
            SslProtocols = TlsProtocolPolicy.Allowed,
            CheckCertificateRevocation = false,
        };
        var session = new OutboundSession(client, destination, hostName, address, port);
        CertificateCheck check = tls is not null && policy is not null
            ? CertificateCheck.ForRecipientPolicy(tls, hostName, policy)
            : CertificateCheck.ForSeam(tlsPolicy, destination, hostName);
        client.ServerCertificateValidationCallback = check.Callback;

        Socket? socket = null;
        Stream? stream = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.ConnectTimeout);
        try
        {
            socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
            stream = new WriteCoalescingStream(new NetworkStream(socket, ownsSocket: true));
            socket = null; // owned by the stream
            // The host name (not the IP) goes to MailKit for SNI and certificate checks.
            await client.ConnectAsync(stream, hostName, port, SecureSocketOptions.StartTlsWhenAvailable, timeout.Token).ConfigureAwait(false);
            stream = null; // owned by the client now
            session.Security = await DescribeAsync(session, check, policy).ConfigureAwait(false);
            return (session, null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            return (null, $"connect to {session.Relay}: timed out", false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpCommandException or SmtpProtocolException or SslHandshakeException or System.Security.Authentication.AuthenticationException)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            bool tlsFailed = ex is SslHandshakeException or System.Security.Authentication.AuthenticationException;
            string why = ex is SmtpCommandException sce
                ? $"greeting {(int)sce.StatusCode} {RecipientResult.Flatten(sce.Message)}"
                : tlsFailed && check.RefusalReason is { } refusal
                    ? "TLS handshake failed: " + refusal
                    : RecipientResult.Flatten(ex.Message);
            return (null, $"connect to {session.Relay}: {why}", tlsFailed);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            socket?.Dispose();
            stream?.Dispose();
        }
    }

    /// <summary>What the connection offers (TLS, verification, the audit facts), remembered per MX.</summary>
    private async Task<SessionSecurity> DescribeAsync(OutboundSession session, CertificateCheck check, RecipientTlsPolicy? policy)
    {
        RelaySmtpClient client = session.Client;
        SessionSecurity security = check.Describe(client, policy?.RequiresAuthentication(session.Host) ?? false);
        if (tls is not null)
        {
            bool offered = client.IsEncrypted || client.Capabilities.HasFlag(SmtpCapabilities.StartTLS);
            TlsValidationMethod method = security.Validation switch
            {
                "dane" => TlsValidationMethod.Dane,
                "mta-sts" => TlsValidationMethod.MtaSts,
                "pkix" => TlsValidationMethod.Pkix,
                _ => TlsValidationMethod.None,
            };
            await tls.Capabilities.RecordAsync(new TlsCapability(session.Host, offered, security.Protocol, method, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }

        return security;
    }

    /// <summary>Runs one transaction sending <paramref name="message"/> (final: encrypted and signed as
    /// needed) to <paramref name="indices"/> of <paramref name="queued"/> on <paramref name="session"/>,
    /// and returns one result per recipient. Marks the session unusable when its state is unknown. The
    /// caller has checked that the session meets the recipients' TLS requirements.
    /// <paramref name="asReceived"/>: what the SMTP server saw of this copy's body when it is the
    /// received body (null otherwise); content that already fits the next hop is sent unchanged.</summary>
    public async Task<List<RecipientResult>> SendCopyAsync(OutboundSession session, QueuedMessage queued, MimeMessage message, IReadOnlyList<int> indices, bool requireTls, ContentFacts? asReceived, CancellationToken cancellationToken)
    {
        SpoolEnvelope envelope = queued.Envelope;
        RelaySmtpClient client = session.Client;
        session.Messages++;
        client.RequireTLS = requireTls;
        client.BodyAsReceived = asReceived;
        {
            var mailboxes = new List<(MailboxAddress Mailbox, int Index)>(indices.Count);
            foreach (int i in indices)
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
                return indices.Select(i => RecipientResult.Local(i, RecipientState.Pending, "4.4.2", $"lost connection with {session.Relay}: {RecipientResult.Flatten(ex.Message)}", session.Relay)).ToList();
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
