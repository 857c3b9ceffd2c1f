using System.Runtime.CompilerServices;
using System.Text;
using SecureRelay.Policy.Stores;

namespace SecureRelay.Policy.Tests;

/// <summary>
/// Golden decisions in the style of Postfix's smtpd_check.in/.ref: each line of Golden/decisions.in
/// names a message, an envelope and recipients; the decision text of all cases must equal
/// Golden/decisions.ref. After an intended change, regenerate with
/// <c>SECURERELAY_UPDATE_GOLDEN=1 dotnet test --filter GoldenDecisionTests</c> and review the diff.
/// </summary>
public class GoldenDecisionTests
{
    private static string GoldenDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden");

    private static string SourceGoldenDir([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Golden");

    [Test]
    public async Task Decisions_MatchTheReference()
    {
        var db = Path.Combine(Path.GetTempPath(), "sr-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(db);
        try
        {
            var consent = new ConsentStore(Path.Combine(db, "consent.db"));
            using (var csv = File.OpenText(Path.Combine(GoldenDir, "consent.csv")))
            {
                Assert.That(consent.Import(csv).Errors, Is.Empty);
            }

            var suppression = new SuppressionList(Path.Combine(db, "suppression.db"));
            using (var csv = File.OpenText(Path.Combine(GoldenDir, "suppression.csv")))
            {
                Assert.That(suppression.Import(csv).Errors, Is.Empty);
            }

            var engine = new PolicyEngine(PolicyCompiler.Load(Path.Combine(GoldenDir, "policy.yaml")), consent, suppression);
            var output = new StringBuilder();
            foreach (var line in File.ReadLines(Path.Combine(GoldenDir, "decisions.in")))
            {
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var file = Path.Combine(GoldenDir, "messages", f[1]);
                var envelope = new MessageEnvelope(f[2], f[3] == "-" ? null : f[3], new FileInfo(file).Length);
                await using var stream = File.OpenRead(file);
                var facts = await engine.AnalyzeAsync(stream, envelope);
                var decision = engine.Evaluate(facts, f[4].Split(','));
                output.Append("### ").Append(f[0]).Append('\n').Append(decision.Format()).Append('\n');
            }

            var actual = output.ToString();
            if (Environment.GetEnvironmentVariable("SECURERELAY_UPDATE_GOLDEN") == "1")
            {
                await File.WriteAllTextAsync(Path.Combine(SourceGoldenDir(), "decisions.ref"), actual);
                Assert.Ignore("decisions.ref rewritten; review the diff");
            }

            var expected = await File.ReadAllTextAsync(Path.Combine(GoldenDir, "decisions.ref"));
            Assert.That(actual, Is.EqualTo(expected.ReplaceLineEndings("\n")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(db, recursive: true);
        }
    }
}
