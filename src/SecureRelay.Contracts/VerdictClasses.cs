namespace SecureRelay.Contracts;

/// <summary>Names of <see cref="VerdictClass"/> as written in audit records, logs and metrics.</summary>
public static class VerdictClasses
{
    /// <summary><c>clean</c>, <c>uncertain</c> or <c>phi</c>.</summary>
    public static string ToName(this VerdictClass verdict) => verdict switch
    {
        VerdictClass.Clean => "clean",
        VerdictClass.Uncertain => "uncertain",
        VerdictClass.Phi => "phi",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict class"),
    };

    /// <summary>Parses a name written by <see cref="ToName"/> (exact, lower case).</summary>
    public static bool TryParse(string? name, out VerdictClass verdict)
    {
        (bool ok, verdict) = name switch
        {
            "clean" => (true, VerdictClass.Clean),
            "uncertain" => (true, VerdictClass.Uncertain),
            "phi" => (true, VerdictClass.Phi),
            _ => (false, VerdictClass.Clean),
        };
        return ok;
    }
}
