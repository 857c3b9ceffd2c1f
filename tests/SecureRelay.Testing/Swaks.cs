namespace SecureRelay.Testing;

/// <summary>swaks, the SMTP test client (installed by scripts/test.sh), submitting one message to a
/// server on 127.0.0.1.</summary>
public static class Swaks
{
    /// <summary>Sends from <paramref name="from"/> to <paramref name="to"/> through 127.0.0.1:<paramref name="port"/>
    /// with further swaks <paramref name="options"/> (<c>--body</c>, <c>--tls</c>, <c>--auth</c> …);
    /// returns swaks' exit code and its transcript. The test is ignored when swaks is not installed.</summary>
    public static Task<(int ExitCode, string Output)> SendAsync(int port, string from, string to, TimeSpan timeout, params string[] options) =>
        Tools.RunAsync(Tools.Require("swaks"), ["--server", $"127.0.0.1:{port}", "--from", from, "--to", to, .. options], timeout);
}
