namespace SecureRelay.Policy;

/// <summary>Address and domain patterns used in <c>policy.yaml</c>: <c>user@example.org</c> (exact),
/// <c>*@example.org</c> or <c>@example.org</c> (the domain), <c>*@*.example.org</c> (subdomains);
/// domains: <c>example.org</c>, <c>*.example.org</c> (subdomains only), <c>*</c> (any). Case-insensitive.</summary>
internal static class AddressPatterns
{
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? "" : address[(at + 1)..].TrimEnd('.').ToLowerInvariant();
    }

    public static bool MatchesDomain(string pattern, string domain)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return domain.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, domain, StringComparison.OrdinalIgnoreCase);
    }

    public static bool MatchesAddress(string pattern, string address)
    {
        if (pattern.StartsWith("*@", StringComparison.Ordinal))
        {
            return MatchesDomain(pattern[2..], DomainOf(address));
        }

        if (pattern.StartsWith('@'))
        {
            return MatchesDomain(pattern[1..], DomainOf(address));
        }

        return string.Equals(pattern, address, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsValidDomainPattern(string pattern) =>
        pattern == "*" || IsDomain(pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern);

    public static bool IsValidAddressPattern(string pattern)
    {
        if (pattern.StartsWith("*@", StringComparison.Ordinal))
        {
            return IsValidDomainPattern(pattern[2..]);
        }

        if (pattern.StartsWith('@'))
        {
            return IsValidDomainPattern(pattern[1..]);
        }

        var at = pattern.LastIndexOf('@');
        return at > 0 && !pattern[..at].Any(char.IsWhiteSpace) && IsDomain(pattern[(at + 1)..]);
    }

    private static bool IsDomain(string d) =>
        d.Length is > 0 and <= 253 && d.Split('.').All(l => l.Length is > 0 and <= 63 && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && l[0] != '-' && l[^1] != '-');
}
