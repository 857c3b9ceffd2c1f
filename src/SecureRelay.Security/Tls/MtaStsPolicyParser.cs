using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Strict parsers for the MTA-STS TXT record (RFC 8461 §3.1) and policy file (§3.2). A policy that
/// does not parse is no policy: the caller treats the domain as if it published none.
/// </summary>
public static class MtaStsPolicyParser
{
    /// <summary>
    /// Parses one TXT record text such as <c>v=STSv1; id=20160831085700Z;</c>. Returns false when it
    /// is not an STSv1 record or is malformed.
    /// </summary>
    public static bool TryParseTxt(string text, [NotNullWhen(true)] out string? id)
    {
        ArgumentNullException.ThrowIfNull(text);
        id = null;
        // sts-text-record = sts-version 1*(sts-field-delim sts-field) [sts-field-delim]; v=STSv1 must come first.
        var fields = text.Split(';');
        if (fields.Length < 2 || fields[0].Trim(' ', '\t') != "v=STSv1")
        {
            return false;
        }

        for (var i = 1; i < fields.Length; i++)
        {
            var field = fields[i].Trim(' ', '\t');
            if (field.Length == 0)
            {
                if (i == fields.Length - 1)
                {
                    break;
                }

                return false;
            }

            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var name = field[..eq];
            var value = field[(eq + 1)..];
            if (name == "id")
            {
                // sts-id = 1*32(ALPHA / DIGIT)
                if (id is not null || value.Length is 0 or > 32 || !value.All(char.IsAsciiLetterOrDigit))
                {
                    return false;
                }

                id = value;
            }
            else if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return id is not null;
    }

    /// <summary>Parses a policy body; <paramref name="error"/> says why it was rejected.</summary>
    public static bool TryParsePolicy(
        string body, string id, [NotNullWhen(true)] out MtaStsPolicy? policy, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(id);
        policy = null;
        string? version = null;
        MtaStsMode? mode = null;
        long? maxAge = null;
        var mx = new List<string>();
        var lines = body.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            // Lines end in CRLF or LF (RFC 8461 §3.2: "sts-policy-term = LF / CRLF").
            var line = lines[n].EndsWith('\r') ? lines[n][..^1] : lines[n];
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                error = $"line {n + 1}: expected 'key: value'";
                return false;
            }

            var key = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            switch (key)
            {
                case "version":
                    if (version is not null || value != "STSv1")
                    {
                        error = $"line {n + 1}: version must appear once and be STSv1";
                        return false;
                    }

                    version = value;
                    break;
                case "mode":
                    if (mode is not null)
                    {
                        error = $"line {n + 1}: duplicate mode";
                        return false;
                    }

                    mode = value switch
                    {
                        "enforce" => MtaStsMode.Enforce,
                        "testing" => MtaStsMode.Testing,
                        "none" => MtaStsMode.None,
                        _ => null,
                    };
                    if (mode is null)
                    {
                        error = $"line {n + 1}: mode must be enforce, testing or none";
                        return false;
                    }

                    break;
                case "max_age":
                    if (maxAge is not null || value.Length is 0 or > 10 || !value.All(char.IsAsciiDigit)
                        || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age)
                        || age > MtaStsPolicy.MaxAgeLimitSeconds)
                    {
                        error = $"line {n + 1}: max_age must appear once and be 0..{MtaStsPolicy.MaxAgeLimitSeconds}";
                        return false;
                    }

                    maxAge = age;
                    break;
                case "mx":
                    if (!IsValidMxPattern(value))
                    {
                        error = $"line {n + 1}: invalid mx pattern";
                        return false;
                    }

                    mx.Add(HostnameMatcher.Normalize(value));
                    break;
                default:
                    // RFC 8461 §3.2: unknown sts-ext fields are ignored, but they must still be well formed.
                    if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                    {
                        error = $"line {n + 1}: invalid key";
                        return false;
                    }

                    break;
            }
        }

        if (version is null || mode is null || maxAge is null)
        {
            error = "version, mode and max_age are required";
            return false;
        }

        if (mode != MtaStsMode.None && mx.Count == 0)
        {
            error = "at least one mx is required unless mode is none";
            return false;
        }

        policy = new MtaStsPolicy(mode.Value, mx, maxAge.Value, id);
        error = null;
        return true;
    }

    /// <summary>An <c>mx</c> value: a hostname, optionally with <c>*.</c> as the whole leftmost label.</summary>
    internal static bool IsValidMxPattern(string value)
    {
        var name = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        name = name.TrimEnd('.');
        if (name.Length is 0 or > 253 || !name.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
