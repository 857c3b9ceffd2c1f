namespace SecureRelay.Policy.Phi;

/// <summary>Check-digit and range rules of the identifiers the detectors look for. Public so that
/// tools and tests can validate identifiers the same way the classifier does.</summary>
public static class Checksums
{
    /// <summary>Luhn (mod 10) check over a string of digits, check digit last.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>A National Provider Identifier: 10 digits starting 1 or 2 whose Luhn check, computed
    /// with the card-issuer prefix 80840 (ISO 7812), holds.</summary>
    public static bool IsValidNpi(ReadOnlySpan<char> npi)
    {
        if (npi.Length != 10 || (npi[0] != '1' && npi[0] != '2'))
        {
            return false;
        }

        Span<char> full = stackalloc char[15];
        "80840".AsSpan().CopyTo(full);
        npi.CopyTo(full[5..]);
        return Luhn(full);
    }

    /// <summary>A DEA registration number: registrant-type letter, a letter (or 9), seven digits; the
    /// last digit is the last digit of (d1+d3+d5) + 2×(d2+d4+d6).</summary>
    public static bool IsValidDea(ReadOnlySpan<char> dea)
    {
        if (dea.Length != 9 || !"ABCDEFGHJKLMPRSTUX".Contains(dea[0]) || !(char.IsAsciiLetterUpper(dea[1]) || dea[1] == '9'))
        {
            return false;
        }

        Span<int> d = stackalloc int[7];
        for (var i = 0; i < 7; i++)
        {
            var c = dea[i + 2];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            d[i] = c - '0';
        }

        var sum = d[0] + d[2] + d[4] + (2 * (d[1] + d[3] + d[5]));
        return sum % 10 == d[6];
    }

    /// <summary>A Social Security number in ranges the SSA issues: area not 000, 666 or 900–999, group
    /// not 00, serial not 0000.</summary>
    public static bool IsValidSsn(int area, int group, int serial) =>
        area is > 0 and < 900 && area != 666 && group is > 0 and < 100 && serial is > 0 and < 10000;

    /// <summary>The letters an MBI may contain (A–Z without S, L, O, I, B, Z).</summary>
    public const string MbiLetters = "ACDEFGHJKMNPQRTUVWXY";

    /// <summary>A Medicare Beneficiary Identifier (CMS format: C A AN N A AN N A A N N; dashes after
    /// characters 4 and 7 allowed). Upper case only.</summary>
    public static bool IsValidMbi(ReadOnlySpan<char> mbi)
    {
        Span<char> compact = stackalloc char[11];
        var n = 0;
        foreach (var c in mbi)
        {
            if (c == '-')
            {
                continue;
            }

            if (n == 11)
            {
                return false;
            }

            compact[n++] = c;
        }

        if (n != 11)
        {
            return false;
        }

        // Position classes: N = digit (first 1-9), A = allowed letter, X = allowed letter or digit.
        const string Shape = "NAXNAXNAANN";
        for (var i = 0; i < 11; i++)
        {
            var c = compact[i];
            var ok = Shape[i] switch
            {
                'N' => char.IsAsciiDigit(c) && (i != 0 || c != '0'),
                'A' => MbiLetters.Contains(c),
                _ => char.IsAsciiDigit(c) || MbiLetters.Contains(c),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
