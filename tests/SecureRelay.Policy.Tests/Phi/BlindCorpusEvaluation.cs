using System.Globalization;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Runs the relay's classifier over a corpus written blind (tests/corpora/NAME/generate.py, by
/// authors who never saw the classifier) and scores it: a message labelled phi is caught when its verdict
/// is not clean (uncertain is protected too); a clean one is a false alarm when its verdict is not clean.</summary>
internal static class BlindCorpusEvaluation
{
    /// <summary>The first three corpora, each from a different brief, whose development splits are large enough
    /// to hold the targets (their blind splits were run once, figures in the README, then tuned on too).</summary>
    public static readonly string[] Corpora = ["providers", "payers", "mixed"];

    /// <summary>Every corpus looked at while tuning: the first three, and people and systems, written after the
    /// first blind run and held out until their own (figures in the README), then development data.</summary>
    public static readonly string[] Tuned = [.. Corpora, "people", "systems"];

    /// <summary>The case <see cref="HeldOut"/> yields when there is none (a test source must not be empty).</summary>
    public const string NoneHeldOut = "(none)";

    /// <summary>Held out: every corpus under tests/corpora (a directory with a generate.py) that is not in
    /// <see cref="Tuned"/>. A corpus added later is held out until it is deliberately moved to <see cref="Tuned"/>.</summary>
    public static IEnumerable<string> HeldOut()
    {
        var corpora = Path.Combine(Tools.RepositoryRoot(), "tests", "corpora");
        var held = Directory.EnumerateDirectories(corpora)
            .Where(d => File.Exists(Path.Combine(d, "generate.py")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !Tuned.Contains(name, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return held.Count > 0 ? held : [NoneHeldOut];
    }

    public sealed record Outcome(string File, string Label, string Family, string Form, Classification Classification)
    {
        public bool Expected => Label == "phi";

        public bool Caught => Classification.IsProtected;
    }

    public sealed record Score(string Name, IReadOnlyList<Outcome> Outcomes)
    {
        public int Tp => Outcomes.Count(o => o.Expected && o.Caught);

        public int Fn => Outcomes.Count(o => o.Expected && !o.Caught);

        public int Fp => Outcomes.Count(o => !o.Expected && o.Caught);

        public int Tn => Outcomes.Count(o => !o.Expected && !o.Caught);

        public double Recall => Tp / (double)Math.Max(1, Tp + Fn);

        public double Precision => Tp / (double)Math.Max(1, Tp + Fp);

        public string Line => string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {Outcomes.Count} messages ({Tp + Fn} phi, {Fp + Tn} clean); TP={Tp} FN={Fn} FP={Fp} TN={Tn}; recall={Recall:0.000} precision={Precision:0.000}; uncertain={Outcomes.Count(o => o.Classification.Verdict == PhiVerdict.Uncertain)}");
    }

    // Detection quality, not the time budget: a generous budget keeps a loaded machine out of it.
    private static readonly PhiClassifier Classifier = PolicyCompiler.Parse("classifier:\n  limits: { timeout_ms: 60000 }\n", "eval.yaml").Classifier;

    private static readonly Dictionary<string, string> Generated = [];

    /// <summary>Generates a split once per test run (the generators are deterministic).</summary>
    public static string Generate(string corpus, string split)
    {
        lock (Generated)
        {
            var key = corpus + "/" + split;
            if (Generated.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var output = Path.Combine(Path.GetTempPath(), "securerelay-corpus-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), corpus, split);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.CreateDirectory(output);
            var script = Path.Combine(Tools.RepositoryRoot(), "tests", "corpora", corpus, "generate.py");
            // RunAsync, not Run: a missing python3 fails the evaluation rather than ignoring it.
            var (exitCode, log) = Tools.RunAsync("python3", ["-B", script, "--split", split, "--out", output], TimeSpan.FromMinutes(3)).GetAwaiter().GetResult();
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"{script} --split {split} failed: {log}");
            }

            Generated[key] = output;
            return output;
        }
    }

    /// <summary>The messages a generated split lists in its manifest.tsv (file, label, family, form, …):
    /// each message's path and the manifest's fields for it; the header and short lines are skipped.</summary>
    public static async Task<List<(string Path, string[] Fields)>> ManifestAsync(string dir) =>
        (await File.ReadAllLinesAsync(Path.Combine(dir, "manifest.tsv")))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 4)
            .Select(f => (Path.Combine(dir, f[0]), f))
            .ToList();

    public static async Task<Score> Run(string corpus, string split)
    {
        var dir = Generate(corpus, split);
        var outcomes = new List<Outcome>();
        foreach (var (path, f) in await ManifestAsync(dir))
        {
            await using var stream = File.OpenRead(path);
            var c = await Classifier.ClassifyAsync(stream, new MessageEnvelope("sender@corpus.example", null, stream.Length));
            outcomes.Add(new Outcome(f[0], f[1], f[2], f[3], c));
        }

        return new Score($"{corpus}/{split}", outcomes);
    }

    public static async Task Print(Score s, bool misses)
    {
        await TestContext.Out.WriteLineAsync(s.Line);
        foreach (var family in s.Outcomes.GroupBy(o => (o.Label, o.Family)).OrderBy(g => g.Key.Label).ThenBy(g => g.Key.Family, StringComparer.Ordinal))
        {
            var wrong = family.Count(o => o.Expected != o.Caught);
            await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {family.Key.Label,-5} {family.Key.Family,-32} {family.Count(),3} messages, {wrong,3} wrong"));
        }

        if (misses)
        {
            foreach (var o in s.Outcomes.Where(o => o.Expected != o.Caught))
            {
                await TestContext.Out.WriteLineAsync($"  {(o.Expected ? "FN" : "FP")} {o.File} {o.Family}/{o.Form}: {o.Classification}");
            }
        }
    }
}
