using System.Globalization;

namespace SecureRelay.Tests.Security;

/// <summary>
/// Sizes and reporting of the reliability and security suite. CI runs the defaults (bounded: the whole
/// suite in a few minutes); <c>scripts/soak.sh</c> raises them through <c>SECURERELAY_SOAK_*</c>
/// environment variables and replays a fuzz run with <c>SECURERELAY_FUZZ_SEED</c>.
/// </summary>
internal static class SuiteRun
{
    /// <summary>The count named <paramref name="name"/> (<c>SECURERELAY_SOAK_{name}</c>), or <paramref name="ciDefault"/>.</summary>
    public static int Count(string name, int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("SECURERELAY_SOAK_" + name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciDefault;

    /// <summary>The fuzz seed: <c>SECURERELAY_FUZZ_SEED</c> to replay a run, otherwise a fresh one (printed with the figures).</summary>
    public static ulong Seed() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("SECURERELAY_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>Prints a scenario's figures where both the console runner and the test result show them.</summary>
    public static void Report(string scenario, string figures)
    {
        var line = $"[security-suite] {scenario}: {figures}";
        TestContext.Progress.WriteLine(line);
        TestContext.Out.WriteLine(line);
    }
}
