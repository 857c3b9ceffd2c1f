using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Validates an MX server certificate against a <see cref="RecipientTlsPolicy"/>, preferring DANE,
/// then MTA-STS, then PKIX. Thread-safe; one instance serves every delivery.
/// </summary>
public sealed class TlsCertificateValidator
{
    private readonly TrustAnchorStore _anchors;
    private readonly TimeProvider _time;

    /// <summary>Creates a validator using system roots plus <paramref name="anchors"/>.</summary>
    public TlsCertificateValidator(TrustAnchorStore anchors, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _anchors = anchors;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// A per-connection session whose <see cref="TlsValidationSession.Callback"/> goes to MailKit's
    /// <c>ServerCertificateValidationCallback</c> and captures the result for the audit receipt.
    /// </summary>
    /// <param name="mxHost">The MX host about to be connected to.</param>
    /// <param name="policy">The destination policy.</param>
    /// <param name="requireVerified">True for the <c>tls-verified</c> method.</param>
    public TlsValidationSession CreateSession(string mxHost, RecipientTlsPolicy policy, bool requireVerified) =>
        new(this, mxHost, policy, requireVerified);

    /// <summary>
    /// Validates the certificate presented by <paramref name="mxHost"/> (the name delivery connected to,
    /// as listed in MX). Never throws for a bad certificate: the result says why it failed.
    /// </summary>
    /// <param name="mxHost">The MX hostname.</param>
    /// <param name="certificate">The server (leaf) certificate, null when none was presented.</param>
    /// <param name="chain">The chain built by the TLS stack (its extra store holds the certificates the server sent).</param>
    /// <param name="errors">The TLS stack's verdict against the system roots.</param>
    /// <param name="policy">The destination's policy from <see cref="RecipientTlsPolicyResolver"/>.</param>
    public TlsValidationResult Validate(
        string mxHost, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, RecipientTlsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(mxHost);
        ArgumentNullException.ThrowIfNull(policy);
        var mode = policy.ModeFor(mxHost);
        if (certificate is null)
        {
            return new TlsValidationResult(false, TlsValidationMethod.None, mode, "no server certificate", null);
        }

        // A certificate handed to us by the TLS stack may be an X509Certificate; own a copy either way.
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var fingerprint = CertificateFingerprint.Sha256(leaf);
        var presented = CollectPresented(leaf, chain);
        try
        {
            switch (mode)
            {
                case RecipientTlsMode.DaneRequired:
                    return ValidateDane(mxHost, policy, leaf, presented, fingerprint);
                case RecipientTlsMode.MtaStsEnforce:
                {
                    if (!policy.MtaSts!.MatchesMx(mxHost))
                    {
                        return new TlsValidationResult(false, TlsValidationMethod.None, mode, "MX not listed in MTA-STS policy", fingerprint);
                    }

                    var (ok, reason) = ValidatePkix(mxHost, leaf, presented, errors);
                    return ok
                        ? new TlsValidationResult(true, TlsValidationMethod.MtaSts, mode, "MTA-STS enforce: MX listed, PKIX valid", fingerprint)
                        : new TlsValidationResult(false, TlsValidationMethod.None, mode, "MTA-STS enforce: " + reason, fingerprint);
                }

                default:
                {
                    var (ok, reason) = ValidatePkix(mxHost, leaf, presented, errors);
                    if (mode == RecipientTlsMode.MtaStsTesting && !policy.MtaSts!.MatchesMx(mxHost))
                    {
                        reason = "MTA-STS testing: MX not listed; " + reason;
                    }

                    return new TlsValidationResult(ok, ok ? TlsValidationMethod.Pkix : TlsValidationMethod.None, mode, reason, fingerprint);
                }
            }
        }
        finally
        {
            foreach (var c in presented)
            {
                if (!ReferenceEquals(c, leaf))
                {
                    c.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// PKIX: a chain to the system roots (as the TLS stack reported) or, failing that, to a configured
    /// trust anchor; plus a SAN dNSName match for <paramref name="host"/>.
    /// </summary>
    public (bool Ok, string Reason) ValidatePkix(string host, X509Certificate2 leaf, IReadOnlyList<X509Certificate2> presented, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(presented);
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return (false, "no server certificate");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            if (_anchors.Anchors.Count == 0)
            {
                return (false, "PKIX: chain not trusted by system roots");
            }

            var status = BuildChain(leaf, _anchors.Anchors, presented);
            if (status is not null)
            {
                return (false, "PKIX: " + status);
            }
        }

        return HostnameMatcher.Matches(leaf, host)
            ? (true, "PKIX valid, hostname matches")
            : (false, "PKIX: certificate name does not match MX host");
    }

    private TlsValidationResult ValidateDane(
        string mxHost, RecipientTlsPolicy policy, X509Certificate2 leaf, List<X509Certificate2> presented, string fingerprint)
    {
        var dane = policy.DaneFor(mxHost)!;
        const RecipientTlsMode mode = RecipientTlsMode.DaneRequired;
        if (dane.LookupFailure is not null)
        {
            return new TlsValidationResult(false, TlsValidationMethod.None, mode, "DANE: TLSA lookup failed: " + dane.LookupFailure, fingerprint);
        }

        // DANE-EE(3): the key or certificate itself is pinned; names and dates do not matter (RFC 7672 §3.1.1).
        foreach (var record in dane.Records)
        {
            if (record.Usage == TlsaAssociation.UsageDaneEe && DaneMatcher.Matches(record, leaf))
            {
                return new TlsValidationResult(true, TlsValidationMethod.Dane, mode, $"DANE-EE {record.Selector} {record.MatchingType} matched", fingerprint);
            }
        }

        // DANE-TA(2): a certificate the server sent is the trust anchor; the chain must reach it and
        // the leaf must carry the MX hostname or the destination domain (RFC 7672 §3.1.2, §3.2.2).
        var sawAnchor = false;
        foreach (var record in dane.Records)
        {
            if (record.Usage != TlsaAssociation.UsageDaneTa)
            {
                continue;
            }

            foreach (var candidate in presented)
            {
                if (!DaneMatcher.Matches(record, candidate))
                {
                    continue;
                }

                sawAnchor = true;
                if (ChainsToTrustAnchor(leaf, candidate, presented) && HostnameMatcher.Matches(leaf, mxHost, policy.Domain))
                {
                    return new TlsValidationResult(true, TlsValidationMethod.Dane, mode, $"DANE-TA {record.Selector} {record.MatchingType} matched", fingerprint);
                }
            }
        }

        var why = sawAnchor ? "DANE-TA anchor found but chain or name check failed" : "no TLSA record matches the certificate";
        return new TlsValidationResult(false, TlsValidationMethod.None, mode, "DANE: " + why, fingerprint);
    }

    /// <summary>Builds a chain to <paramref name="roots"/> only; null when valid, else the first problem.</summary>
    private string? BuildChain(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> roots, IReadOnlyList<X509Certificate2> extra)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(extra.ToArray());
        // Revocation is not checked: CRL/OCSP fetches would leave the relay for arbitrary hosts on every
        // handshake; the system-root path follows the TLS stack's own setting.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().LocalDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (chain.Build(leaf))
        {
            return null;
        }

        var status = chain.ChainStatus.FirstOrDefault(s => s.Status != X509ChainStatusFlags.NoError);
        return status.Status == X509ChainStatusFlags.NoError ? "chain did not build" : $"{status.Status}: {status.StatusInformation.Trim()}";
    }

    /// <summary>
    /// DANE-TA: the leaf must chain to <paramref name="anchor"/>, which need not be self-signed (an
    /// intermediate is a common TA). X509Chain then stops at the anchor with PartialChain or
    /// UntrustedRoot; anything else on the path (expiry, bad signature, CA constraints) fails.
    /// </summary>
    private bool ChainsToTrustAnchor(X509Certificate2 leaf, X509Certificate2 anchor, IReadOnlyList<X509Certificate2> presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(presented.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().LocalDateTime;
        if (chain.Build(leaf))
        {
            return true;
        }

        const X509ChainStatusFlags Tolerated = X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot;
        if (chain.ChainStatus.Any(s => (s.Status & ~Tolerated) != 0))
        {
            return false;
        }

        for (var i = 0; i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            if (element.ChainElementStatus.Any(s => (s.Status & ~Tolerated) != 0))
            {
                return false;
            }

            if (element.Certificate.RawData.AsSpan().SequenceEqual(anchor.RawData))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The leaf plus every certificate the server sent or the stack found.</summary>
    private static List<X509Certificate2> CollectPresented(X509Certificate2 leaf, X509Chain? chain)
    {
        var list = new List<X509Certificate2> { leaf };
        if (chain is null)
        {
            return list;
        }

        void Add(X509Certificate2 c)
        {
            if (!list.Exists(x => x.RawData.AsSpan().SequenceEqual(c.RawData)))
            {
                list.Add(X509CertificateLoader.LoadCertificate(c.RawData));
            }
        }

        foreach (var element in chain.ChainElements)
        {
            Add(element.Certificate);
        }

        foreach (var c in chain.ChainPolicy.ExtraStore)
        {
            Add(c);
        }

        return list;
    }
}
