using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// Invariant 2 under a MIME mutation fuzz: messages that all carry the PHI marker (an SSN and a
/// diagnosis) in a damaged MIME structure go to a relay whose only next hop is a plaintext sink (no
/// STARTTLS). Each must be refused or leave through a protected method (here: escrow, only a notice
/// travels): no audit record says <c>opportunistic</c> and no message at the sink holds the marker,
/// whatever part, header or encoding it hides in.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class MimeContentFuzzTests
{
    [Test]
    public async Task DamagedMimeWithPhiNeverReachesAPlaintextNextHop()
    {
        var count = SuiteRun.Count("MESSAGES", 80);
        var seed = SuiteRun.Seed();
        using var sink = await SmtpSink.StartAsync(); // offers no STARTTLS: only opportunistic mail may arrive in the clear
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));
        var audit = Path.Combine(relay.Directory, "data", "audit", "audit.jsonl");

        var cases = Gen.Sample(MimeCaseGen.Case, count, new Rnd(seed), 50);
        var replies = new ConcurrentDictionary<int, string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var message = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(cases[i].Message).Replace("{ID}", $"fuzz-{i}-{seed}@clinic.test", StringComparison.Ordinal));
            var (stage, reply) = await RawSmtp.SendRawMessageAsync(relay.SmtpPort, "app@clinic.test", Recipient(i), message);
            replies[i] = $"{stage} {reply}";
        });

        var accepted = replies.Where(r => r.Value.StartsWith("DOT 250", StringComparison.Ordinal)).Select(r => r.Key).ToHashSet();
        var records = await WaitForFinalRecordsAsync(audit, accepted.Select(Recipient).ToHashSet(StringComparer.Ordinal), TimeSpan.FromSeconds(Math.Max(120, count / 10)));

        var unrecorded = accepted.Where(i => !records.ContainsKey(Recipient(i))).ToList();
        // A message whose mutation destroyed the marker for every reader (say, broken quoted-printable of
        // UTF-16 text) holds no PHI any more and may be clean; one where any decoding recovers it may not.
        var opportunistic = records.Where(r => r.Value.Method == "opportunistic").Select(r => Index(r.Key)).ToList();
        var destroyed = opportunistic.Where(i => !PhiMarker.AppearsInMessage(Encoding.Latin1.GetString(cases[i].Message))).ToList();
        opportunistic = [.. opportunistic.Except(destroyed)];
        var leaked = sink.ReadTransactions().Where(PhiMarker.AppearsInMessage).Select(t => RcptArgs().Match(t).Groups["i"].Value).ToList();
        var logLeak = PhiMarker.InText(relay.Log);

        SuiteRun.Report("mime-phi-fuzz", $"seed {seed}; messages {cases.Length} in {clock.Elapsed.TotalSeconds:F1} s; accepted {accepted.Count}; refused " +
            string.Join(", ", replies.Values.Where(v => !v.StartsWith("DOT 250", StringComparison.Ordinal)).GroupBy(v => v[..Math.Min(v.Length, 13)]).Select(g => $"{g.Count()}× {g.Key}")) +
            "; outcomes " + string.Join(", ", records.Values.GroupBy(r => $"{r.Outcome}/{r.Method ?? "-"}/{r.Verdict ?? "-"}").Select(g => $"{g.Count()}× {g.Key}")) +
            $"; opportunistic with the marker readable {opportunistic.Count} (marker destroyed by the mutation {destroyed.Count}: {string.Join(", ", destroyed.GroupBy(i => Kind(cases[i].Description)).Select(g => $"{g.Count()}× {g.Key}"))}); marker at the sink {leaked.Count}; marker in the log {logLeak}; unrecorded {unrecorded.Count}");

        Assert.That(opportunistic, Is.Empty, "PHI sent without protection:\n" + string.Join("\n", opportunistic.Take(40).Select(i => $"#{i}: {cases[i].Description}")));
        Assert.That(leaked, Is.Empty, "PHI arrived in plaintext at the sink for: " + string.Join(", ", leaked.Take(40).Select(i => int.TryParse(i, out var n) ? $"#{n}: {cases[n].Description}" : i)));
        Assert.That(logLeak, Is.False, "the marker appears in the relay's output");
        Assert.That(unrecorded, Is.Empty, "accepted messages without a final audit record: " + string.Join(", ", unrecorded.Take(10)));
        Assert.That(relay.Pid, Is.Not.Null, "the relay is still running");
    }

    /// <summary>The transfer encoding and charset of a case (what usually destroys the marker).</summary>
    private static string Kind(string description) =>
        string.Join(" ", description.Split(' ').Where(w => w.StartsWith("cte=", StringComparison.Ordinal) || w.StartsWith("charset=", StringComparison.Ordinal)));

    private static string Recipient(int i) => $"fuzz-{i}@dest.test";

    private static int Index(string recipient) => int.Parse(recipient["fuzz-".Length..recipient.IndexOf('@', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads the audit trail until every expected recipient has a final record (not deferred) of
    /// its own message: the one carrying the acceptance verdict. The escrow notice to the same recipient is
    /// a message of the relay's own, recorded without a verdict, and is judged at the sink instead.</summary>
    private static async Task<Dictionary<string, AuditLine>> WaitForFinalRecordsAsync(string path, HashSet<string> expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var found = new Dictionary<string, AuditLine>(StringComparer.Ordinal);
        while (true)
        {
            found.Clear();
            foreach (var line in SharedFile.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var recipient = root.GetProperty("recipient").GetString()!;
                var outcome = root.GetProperty("outcome").GetString()!;
                var verdict = Text(root, "verdict");
                if (expected.Contains(recipient) && outcome != "deferred" && verdict is not null)
                {
                    found[recipient] = new AuditLine(outcome, Text(root, "method"), verdict);
                }
            }

            if (found.Count >= expected.Count || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(500);
        }

        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
    }

    [GeneratedRegex(@"^X-Rcpt-Args: <fuzz-(?<i>\d+)@", RegexOptions.Multiline)]
    private static partial Regex RcptArgs();

    private sealed record AuditLine(string Outcome, string? Method, string? Verdict);
}
