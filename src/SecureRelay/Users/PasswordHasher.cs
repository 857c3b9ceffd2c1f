using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureRelay.Users;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 password hashes in a self-describing text form:
/// <c>$pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64</c>. Iterations follow OWASP's 2023
/// guidance for PBKDF2-SHA256 (600,000).
/// </summary>
public static class PasswordHasher
{
    /// <summary>Iterations used for new hashes.</summary>
    public const int DefaultIterations = 600_000;

    private const string Prefix = "$pbkdf2-sha256$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MinIterations = 10_000;

    /// <summary>Hashes a password with a fresh random salt.</summary>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="encoded"/> has the form <see cref="Hash"/> produces.</summary>
    public static bool IsWellFormed(string? encoded) => TryDecode(encoded, out _, out _, out _);

    /// <summary>Checks a password in constant time with respect to the hash contents.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryDecode(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryDecode(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[1]);
            hash = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && hash.Length >= 16;
    }
}
