using MailKit.Net.Smtp;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Outbound;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Secure;

/// <summary>
/// Picks each recipient's method: the first in its list that it can receive over what is available
/// now (the connection's TLS, or its failure). A TLS method that the connection cannot satisfy moves
/// the recipient to its next method; nothing goes in plaintext unless <c>opportunistic</c> is chosen
/// and no TLS demand (REQUIRETLS, domain setting, DANE / MTA-STS enforce) forbids it.
/// </summary>
internal static class MethodSelector
{
    /// <summary>Phase one, before connecting: walks the list until the first method that needs the
    /// connection to be judged (or a connection to send), or escrow.</summary>
    public static bool NeedsTransport(RecipientPlan plan)
    {
        foreach (DeliveryMethod method in plan.Methods)
        {
            switch (method)
            {
                case DeliveryMethod.Smime when plan.SmimeCertificate is null:
                case DeliveryMethod.Pgp when plan.PgpKey is null:
                    continue;
                case DeliveryMethod.Escrow:
                    if (plan.EscrowPossible)
                    {
                        return false;
                    }

                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Chooses for one recipient given the open <paramref name="session"/>, or the connect
    /// <paramref name="failure"/>, or neither (nothing in the list needs a connection).</summary>
    public static MethodDecision Decide(RecipientPlan plan, OutboundSession? session, ConnectFailure? failure)
    {
        if (failure is not null && !failure.TlsFailed && plan.NeedsTransport)
        {
            // The destination itself is unreachable (DNS, refused, timeout): that is not a failed TLS
            // method, so the recipient waits instead of falling through to escrow.
            return new MethodDecision(plan, null, [], RecipientResult.Local(plan.Index, failure.State, failure.DsnStatus, failure.Reason));
        }

        var skipped = new List<string>();
        TransportProblem? requireTlsProblem = null;
        foreach (DeliveryMethod method in plan.Methods)
        {
            string name = method.ToName();
            if (method == DeliveryMethod.Escrow)
            {
                if (plan.EscrowPossible)
                {
                    return new MethodDecision(plan, method, skipped, null);
                }

                skipped.Add("escrow: not configured");
                continue;
            }

            if (method == DeliveryMethod.Smime && plan.SmimeCertificate is null)
            {
                skipped.Add(name + ": " + plan.SmimeProblem);
                continue;
            }

            if (method == DeliveryMethod.Pgp && plan.PgpKey is null)
            {
                skipped.Add(name + ": " + plan.PgpProblem);
                continue;
            }

            if (session is null)
            {
                skipped.Add(name + ": " + (failure?.Reason ?? "no connection"));
                continue;
            }

            SessionSecurity s = session.Security;
            if (method == DeliveryMethod.TlsVerified && !(s.Encrypted && s.Verified))
            {
                skipped.Add(name + ": " + (s.Encrypted ? "certificate not verified (" + s.Reason + ")" : "no STARTTLS"));
                continue;
            }

            if (method == DeliveryMethod.Tls && !s.Encrypted)
            {
                skipped.Add(name + ": no STARTTLS");
                continue;
            }

            if (Check(plan, session) is { } problem)
            {
                skipped.Add(name + ": " + problem.Reason);
                requireTlsProblem ??= problem.RequireTls ? problem : null;
                continue;
            }

            return new MethodDecision(plan, method, skipped, null);
        }

        string? relay = session?.Relay;
        RecipientResult result = requireTlsProblem switch
        {
            { Permanent: true } p => RecipientResult.Local(plan.Index, RecipientState.Bounced, "5.7.30", p.Reason, relay),
            { } p => RecipientResult.Local(plan.Index, RecipientState.Pending, "4.7.10", p.Reason, relay),
            _ => RecipientResult.Local(plan.Index, RecipientState.Pending, "4.7.5",
                "no acceptable secure method" + (skipped.Count > 0 ? " (" + string.Join("; ", skipped) + ")" : string.Empty), relay),
        };
        return new MethodDecision(plan, null, skipped, result);
    }

    /// <summary>The recipient's and the destination's TLS demands against the session.</summary>
    private static TransportProblem? Check(RecipientPlan plan, OutboundSession session)
    {
        SessionSecurity s = session.Security;
        if (plan.RequireTls)
        {
            // RFC 8689 §4.2.1: never relay a REQUIRETLS message without authenticated TLS, and only to a
            // server that will keep the requirement.
            if (!s.Encrypted || !s.Verified)
            {
                return new TransportProblem($"REQUIRETLS: {session.Relay} offered no authenticated TLS", RequireTls: true, Permanent: false);
            }

            if (!session.Client.Capabilities.HasFlag(SmtpCapabilities.RequireTLS))
            {
                return new TransportProblem($"REQUIRETLS support required: {session.Relay} does not offer REQUIRETLS", RequireTls: true, Permanent: true);
            }
        }

        if (s.PolicyRequiresVerified && !(s.Encrypted && s.Verified))
        {
            return new TransportProblem("DANE/MTA-STS policy requires verified TLS", false, false);
        }

        if (plan.DomainTls == TlsRequirement.Verified && !(s.Encrypted && s.Verified))
        {
            return new TransportProblem(s.Encrypted ? "domain requires verified TLS (" + s.Reason + ")" : "domain requires verified TLS (no STARTTLS)", false, false);
        }

        if (plan.DomainTls == TlsRequirement.Any && !s.Encrypted)
        {
            return new TransportProblem("domain requires TLS (no STARTTLS)", false, false);
        }

        return null;
    }

    private sealed record TransportProblem(string Reason, bool RequireTls, bool Permanent);
}
