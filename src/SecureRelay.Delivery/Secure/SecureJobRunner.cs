using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MimeKit;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Outbound;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Secure;

/// <summary>
/// Runs one delivery job (one message, one destination) recipient by recipient: plans what each can
/// receive, builds the copies (PolicyHeaders removed, S/MIME or PGP per recipient, DKIM last), sends
/// them on the destination's connection, and escrows the recipients whose method is escrow.
/// </summary>
internal sealed class SecureJobRunner(
    IMessageSpool spool,
    SecureDeliveryServices security,
    SmtpDeliveryAgent agent,
    IOutboundMessageTransform transform,
    Action<QueuedMessage> enqueue,
    string hostName,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>At most this many key lookups of one job at once: the Web Key Directory client
    /// answers repeated domains from its caches, so the network sees far fewer.</summary>
    private const int KeyLookupConcurrency = 16;

    /// <summary>Reads each recipient's policy from the decision record and checks certificates and keys,
    /// each with the reason when there is none. PGP lookups (possibly WKD over the network) run
    /// concurrently, so a message to many recipients costs about one lookup per domain, not one
    /// round trip per recipient in turn.</summary>
    public async Task<List<RecipientPlan>> PlanAsync(DeliveryJob job, CancellationToken cancellationToken)
    {
        QueuedMessage q = job.Attempt.Message;
        DecisionRecord decision = q.Envelope.Decision;
        var plans = new List<RecipientPlan>(job.RecipientIndices.Length);
        var pgpWanted = new List<RecipientPlan>();
        foreach (int i in job.RecipientIndices)
        {
            IReadOnlyList<DeliveryMethod> methods = decision.MethodsFor(i);
            RecipientDecisionRecord? decided = decision.Recipient(i);
            var plan = new RecipientPlan
            {
                Index = i,
                Address = q.Envelope.Recipients[i].Address,
                Methods = methods,
                RequireTls = q.Envelope.RequireTls || decided is { RequireTls: true },
                DomainTls = decided?.DomainTls ?? TlsRequirement.None,
                SignSmime = decided is { SignSmime: true },
                EscrowPossible = security.Escrow is not null && security.EscrowNotices is not null,
            };
            int smimeAt = IndexOf(methods, DeliveryMethod.Smime);
            int pgpAt = IndexOf(methods, DeliveryMethod.Pgp);
            if (smimeAt >= 0 && security.Smime is not null && security.SmimeCertificates is not null)
            {
                SmimeCertificateLookup found = security.SmimeCertificates.Lookup(plan.Address);
                plan.SmimeCertificate = found.Certificate;
                plan.SmimeProblem = found.Problem ?? plan.SmimeProblem;
            }

            // A key lookup (possibly WKD over the network) only when S/MIME does not already win.
            bool pgpNeeded = pgpAt >= 0 && !(smimeAt >= 0 && smimeAt < pgpAt && plan.SmimeCertificate is not null);
            if (pgpNeeded && security.Pgp is not null)
            {
                pgpWanted.Add(plan);
            }

            plans.Add(plan);
        }

        if (pgpWanted.Count > 0)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = KeyLookupConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(pgpWanted, options, (plan, token) => ResolvePgpAsync(q.QueueId, plan, token)).ConfigureAwait(false);
        }

        foreach (RecipientPlan plan in plans)
        {
            plan.NeedsTransport = MethodSelector.NeedsTransport(plan);
        }

        return plans;
    }

    private async ValueTask ResolvePgpAsync(string queueId, RecipientPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            PgpKeyLookup found = await security.Pgp!.ResolveAsync(plan.Address, cancellationToken).ConfigureAwait(false);
            plan.PgpKey = found.Key;
            plan.PgpProblem = found.Problem ?? plan.PgpProblem;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or MessageProtectionException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            plan.PgpProblem = new KeyProblem(RecipientKeyRefusal.WkdLookupFailed);
            DeliveryLog.KeyLookupFailed(logger, queueId, plan.Index, RecipientResult.Flatten(ex.Message));
        }
    }

    /// <summary>Sends every transport copy on <paramref name="session"/>: one transaction for the
    /// plain recipients (per REQUIRETLS flag), one per encrypted recipient. Returns their results and
    /// whether the very first transaction found the connection already gone (nothing was sent).</summary>
    public async Task<(List<RecipientResult> Results, bool FirstLost)> SendAsync(OutboundSession session, DeliveryJob job, IReadOnlyList<MethodDecision> decisions, CancellationToken cancellationToken)
    {
        QueuedMessage q = job.Attempt.Message;
        var copies = new List<(DeliveryMethod Method, List<MethodDecision> Members, bool RequireTls)>();
        foreach (IGrouping<bool, MethodDecision> plain in decisions.Where(d => d.IsPlainTransport).GroupBy(d => d.Plan.RequireTls))
        {
            copies.Add((DeliveryMethod.Opportunistic, plain.ToList(), plain.Key));
        }

        foreach (MethodDecision d in decisions.Where(d => d.Method is DeliveryMethod.Smime or DeliveryMethod.Pgp))
        {
            copies.Add((d.Method!.Value, [d], d.Plan.RequireTls));
        }

        var results = new List<RecipientResult>();
        bool first = true;
        bool firstLost = false;
        foreach ((DeliveryMethod method, List<MethodDecision> members, bool requireTls) in copies)
        {
            int[] indices = members.Select(m => m.Plan.Index).ToArray();
            if (!session.IsOpen)
            {
                results.AddRange(members.Select(m => Detailed(RecipientResult.Local(m.Plan.Index, RecipientState.Pending, "4.4.2",
                    $"connection to {session.Relay} unusable after the previous transaction", session.Relay), m, session)));
                continue;
            }

            List<RecipientResult> sent = await SendCopyAsync(session, job, method, members, indices, requireTls, cancellationToken).ConfigureAwait(false);
            if (first && session.ConnectionLost)
            {
                firstLost = true;
            }

            first = false;
            results.AddRange(sent.Select(r => Detailed(r, members.First(m => m.Plan.Index == r.Index), session)));
        }

        return (results, firstLost);
    }

    /// <summary>The results of every decision: transport results as sent, failures as decided, and
    /// escrow performed now.</summary>
    public async Task<List<RecipientResult>> CompleteAsync(DeliveryJob job, IReadOnlyList<MethodDecision> decisions, List<RecipientResult> sent)
    {
        var results = new List<RecipientResult>(sent);
        foreach (MethodDecision d in decisions)
        {
            if (d.Failure is not null)
            {
                results.Add(d.Failure with { Security = new SecurityDetail { Skipped = d.Skipped } });
            }
            else if (d.Method == DeliveryMethod.Escrow)
            {
                results.Add(await EscrowAsync(job.Attempt.Message, d).ConfigureAwait(false));
            }
        }

        return results;
    }

    private async Task<List<RecipientResult>> SendCopyAsync(OutboundSession session, DeliveryJob job, DeliveryMethod method, List<MethodDecision> members, int[] indices, bool requireTls, CancellationToken cancellationToken)
    {
        QueuedMessage q = job.Attempt.Message;
        Stream content;
        try
        {
            content = await spool.OpenContentAsync(q.QueueId, cancellationToken).ConfigureAwait(false);
        }
        catch (SpoolException ex)
        {
            // Damaged or unreadable content: the spool quarantines it; retry later rather than lose mail.
            DeliveryLog.ContentUnreadable(logger, q.QueueId, ex.Message);
            return indices.Select(i => RecipientResult.Local(i, RecipientState.Pending, "4.3.0", "message content unreadable: " + ex.Message)).ToList();
        }

        await using (content.ConfigureAwait(false))
        {
            // Persistent parsing keeps the body in the spool stream instead of copying it into memory.
            // Both the parsed message and the copy made of it are disposed (MimeKit's finalizers would
            // otherwise keep each tree alive through a garbage collection).
            MimeMessage parsed;
            try
            {
                parsed = await DeliveryMessageParser.LoadAsync(content, cancellationToken).ConfigureAwait(false);
            }
            catch (MessageParseException ex)
            {
                DeliveryLog.ContentUnparseable(logger, q.QueueId, ex.Message);
                return indices.Select(Unparseable).ToList();
            }

            using MimeMessage received = parsed;
            StripPolicyHeaders(received);
            MimeMessage message;
            try
            {
                RecipientPlan only = members[0].Plan;
                message = method switch
                {
                    DeliveryMethod.Smime => security.Smime!.Encrypt(received, [only.Address], only.SignSmime, cancellationToken),
                    DeliveryMethod.Pgp => await security.Pgp!.EncryptAsync(received, [only.Address], cancellationToken).ConfigureAwait(false),
                    _ => await transform.TransformAsync(q, indices, job.Hop.Key, received, cancellationToken).ConfigureAwait(false),
                };
            }
            catch (MessageProtectionException ex)
            {
                DeliveryLog.ProtectionFailed(logger, q.QueueId, method.ToName(), ex.Message);
                return indices.Select(i => RecipientResult.Local(i, RecipientState.Pending, "4.7.5", method.ToName() + ": encryption failed")).ToList();
            }

            // DKIM last: nothing may change the copy after it is signed.
            if (security.Dkim is { } dkim)
            {
                string? user = q.Envelope.AuthenticatedUser;
                Func<string, string, bool>? maySignAs = security.MaySignAs;
                dkim.Sign(message, mayUse: user is null || maySignAs is null ? null : domain => maySignAs(user, domain));
            }
            // Encryption makes a new body; a plain copy is the received body (DKIM only adds a header).
            ContentFacts? asReceived = method is DeliveryMethod.Smime or DeliveryMethod.Pgp || !transform.PreservesBody
                ? null
                : q.Envelope.Content;
            try
            {
                return await agent.SendCopyAsync(session, q, message, indices, requireTls, asReceived, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (!ReferenceEquals(message, received))
                {
                    message.Dispose();
                }
            }
        }
    }

    private RecipientResult Detailed(RecipientResult result, MethodDecision decision, OutboundSession session)
    {
        SessionSecurity s = session.Security;
        RecipientPlan p = decision.Plan;
        return result with
        {
            Security = new SecurityDetail
            {
                Method = decision.Method?.ToName(),
                Skipped = decision.Skipped,
                TlsProtocol = s.Encrypted ? s.Protocol.ToString() : null,
                TlsCipher = s.Encrypted ? s.Cipher : null,
                TlsValidation = s.Encrypted ? s.Validation : null,
                CertificateSha256 = s.Encrypted ? s.CertificateSha256 : null,
                SmimeThumbprint = decision.Method == DeliveryMethod.Smime ? p.SmimeCertificate?.Thumbprint : null,
                PgpFingerprint = decision.Method == DeliveryMethod.Pgp ? p.PgpKey?.Fingerprint : null,
                Signed = decision.Method switch
                {
                    DeliveryMethod.Smime => p.SignSmime && security.Smime!.Signs,
                    DeliveryMethod.Pgp => security.Pgp!.Signs,
                    _ => null,
                },
            },
        };
    }

    /// <summary>Stores the message (policy headers removed) in the escrow and queues the PHI-free
    /// notice to the recipient as a new relay-generated message.</summary>
    private async Task<RecipientResult> EscrowAsync(QueuedMessage q, MethodDecision d)
    {
        RecipientPlan p = d.Plan;
        RecipientResult Failed(string reason) => RecipientResult.Local(p.Index, RecipientState.Pending, "4.3.0", reason) with
        {
            Security = new SecurityDetail { Skipped = [.. d.Skipped, "escrow: " + reason] },
        };

        EscrowStoreResult stored;
        try
        {
            Stream content = await spool.OpenContentAsync(q.QueueId, CancellationToken.None).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                using MimeMessage message = await DeliveryMessageParser.LoadAsync(content, CancellationToken.None).ConfigureAwait(false);
                StripPolicyHeaders(message);
                stored = security.Escrow!.Store(p.Address, message);
            }
        }
        catch (MessageParseException ex)
        {
            // Waiting cannot make the content parseable: bounce (with a DSN) instead of deferring for days.
            DeliveryLog.ContentUnparseable(logger, q.QueueId, ex.Message);
            return Unparseable(p.Index) with { Security = new SecurityDetail { Skipped = [.. d.Skipped, "escrow: message could not be parsed"] } };
        }
        catch (Exception ex) when (ex is SpoolException or ArgumentException or DbException or IOException or CryptographicException or FormatException)
        {
            DeliveryLog.EscrowFailed(logger, q.QueueId, p.Index, RecipientResult.Flatten(ex.Message));
            return Failed("escrow failed: " + RecipientResult.Flatten(ex.Message));
        }

        try
        {
            int at = q.Envelope.ReversePath.LastIndexOf('@');
            string? senderDomain = at > 0 ? q.Envelope.ReversePath[(at + 1)..] : null;
            using MimeMessage notice = security.EscrowNotices!.Build(stored, p.Address, senderDomain);
            var buffer = new MemoryStream();
            await notice.WriteToAsync(FormatOptions.Default, buffer, CancellationToken.None).ConfigureAwait(false);
            ISpoolWriter writer = spool.CreateWriter();
            QueuedMessage queued;
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), CancellationToken.None).ConfigureAwait(false);
                queued = await writer.CommitAsync(new SpoolEnvelope
                {
                    // Failures of the notice go back to the original sender (the report holds no PHI).
                    ReversePath = q.Envelope.ReversePath,
                    Recipients = [new SpoolRecipient(p.Address, 0, null)],
                    ReceivedAt = time.GetUtcNow(),
                    HeloName = hostName,
                    // The domain's TLS demand covers all mail to it, notices included.
                    Decision = DecisionRecord.RelayGenerated(MessageOrigin.EscrowNotice, q.QueueId, p.DomainTls),
                }, CancellationToken.None).ConfigureAwait(false);
            }

            DeliveryLog.Escrowed(logger, q.QueueId, p.Index, stored.Id, queued.QueueId);
            enqueue(queued);
        }
        catch (SpoolException ex)
        {
            // Without its notice the stored copy is unreachable: withdraw it and try again later.
            security.Escrow!.Revoke(stored.Id);
            DeliveryLog.EscrowFailed(logger, q.QueueId, p.Index, ex.Message);
            return Failed("escrow notice could not be queued");
        }

        return RecipientResult.Local(p.Index, RecipientState.Delivered, "2.0.0", "escrowed as " + stored.Id) with
        {
            Security = new SecurityDetail { Method = DeliveryMethod.Escrow.ToName(), Skipped = d.Skipped, EscrowId = stored.Id },
        };
    }

    private static RecipientResult Unparseable(int index) =>
        RecipientResult.Local(index, RecipientState.Bounced, "5.6.0", "message could not be parsed");

    private static void StripPolicyHeaders(MimeMessage message)
    {
        foreach (string name in PolicyHeaders.All)
        {
            message.Headers.RemoveAll(name);
        }
    }

    private static int IndexOf(IReadOnlyList<DeliveryMethod> methods, DeliveryMethod method)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (methods[i] == method)
            {
                return i;
            }
        }

        return -1;
    }
}
