using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Matches a certificate's subjectAltName dNSName entries against a reference hostname (RFC 6125
/// §6.4). The subject CN is not consulted: CAs have put every name in the SAN for years, and CN
/// fallback is how names slip past checks.
/// </summary>
public static class HostnameMatcher
{
    /// <summary>Lower case, no trailing dot (DNS names compare case-insensitively, RFC 4343).</summary>
    public static string Normalize(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Trim().TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The dNSName entries of the certificate's subjectAltName extension.</summary>
    public static IReadOnlyList<string> GetDnsNames(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
            }
        }

        return names;
    }

    /// <summary>True when any SAN dNSName of <paramref name="certificate"/> matches one of <paramref name="referenceNames"/>.</summary>
    public static bool Matches(X509Certificate2 certificate, params ReadOnlySpan<string> referenceNames)
    {
        var presented = GetDnsNames(certificate);
        foreach (var reference in referenceNames)
        {
            foreach (var name in presented)
            {
                if (MatchesName(name, reference))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// One presented identifier against one reference identifier. A wildcard is accepted only as the
    /// complete leftmost label (<c>*.example.com</c>), matches exactly one label, and needs at least
    /// two labels after it (never <c>*.com</c>); partial-label wildcards (<c>mx*.example.com</c>) are refused.
    /// </summary>
    public static bool MatchesName(string presented, string reference)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(reference);
        var p = Normalize(presented);
        var r = Normalize(reference);
        if (p.Length == 0 || r.Length == 0)
        {
            return false;
        }

        if (!p.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(p, r, StringComparison.Ordinal);
        }

        if (!p.StartsWith("*.", StringComparison.Ordinal) || p.IndexOf('*', 1) >= 0)
        {
            return false;
        }

        var suffix = p[2..];
        if (suffix.Split('.').Length < 2)
        {
            return false;
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && string.Equals(r[(dot + 1)..], suffix, StringComparison.Ordinal);
    }
}
