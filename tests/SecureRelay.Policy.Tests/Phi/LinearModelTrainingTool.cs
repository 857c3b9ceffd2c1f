using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Linear;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Builds the linear model from the five corpora and measures, leave-one-corpus-out, whether it
/// helps the rules on mail it was not trained on. Explicit (it generates every split and classifies every
/// message, minutes on a busy box):
/// <c>dotnet test tests/SecureRelay.Policy.Tests --filter LinearModelTrainingTool</c> prints the table and
/// fails when the committed <c>phi-linear.tsv</c> is not what training produces; with
/// <c>PHI_MODEL_WRITE=1</c> it writes the file instead.</summary>
public class LinearModelTrainingTool
{
    /// <summary>Every corpus, in a fixed order (training order is part of determinism).</summary>
    internal static readonly string[] AllCorpora = BlindCorpusEvaluation.Tuned;

    /// <summary>Precision the threshold must keep on the training corpora's out-of-fold scores.</summary>
    private const double TargetPrecision = 0.95;

    internal static string ModelPath => Path.Combine(Tools.RepositoryRoot(), "src", "SecureRelay.Policy", "Phi", "Linear", "phi-linear.tsv");

    /// <summary>SHA-256 of a corpus generator script: the corpus version a model was trained on.</summary>
    internal static string GeneratorSha256(string corpus) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Tools.RepositoryRoot(), "tests", "corpora", corpus, "generate.py"))));

    [Explicit("tool: trains the model and prints the leave-one-corpus-out table (minutes)")]
    [Test]
    public async Task TrainEvaluateAndCheck()
    {
        var examples = await LoadExamples();
        var report = new StringBuilder();
        var combos = Enum.GetValues<Combination>();
        report.AppendLine(CultureInfo.InvariantCulture, $"| held out | messages | {string.Join(" | ", combos.Select(c => Name(c) + " R / P"))} | thresholds (b, c, d) |");
        report.AppendLine("|---|---|" + string.Concat(combos.Select(_ => "---|")) + "---|");
        var outOfFold = new List<(LinearTrainer.Example Example, double Score)>();
        var sums = new double[combos.Length, 2];
        foreach (var heldOut in AllCorpora)
        {
            var train = examples.Where(e => e.Corpus != heldOut).ToList();
            var test = examples.Where(e => e.Corpus == heldOut).ToList();
            var thresholds = ChooseThresholds(InnerOutOfFold(train));
            var model = LinearTrainer.Train(train, thresholds[Combination.RulesOrModel], []);
            var scored = test.ConvertAll(e => (e, LinearTrainer.Score(model, e)));
            outOfFold.AddRange(scored);
            var cells = new List<string>();
            foreach (var c in combos)
            {
                var (r, p) = Measure(scored, c, thresholds.GetValueOrDefault(c));
                sums[(int)c, 0] += r;
                sums[(int)c, 1] += p;
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{r:0.000} / {p:0.000}"));
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {heldOut} | {test.Count} | {string.Join(" | ", cells)} | {thresholds[Combination.Model]:0.00}, {thresholds[Combination.RulesOrModel]:0.00}, {thresholds[Combination.RulesOrModelWithWho]:0.00} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"| mean | {examples.Count} | {string.Join(" | ", combos.Select(c => string.Create(CultureInfo.InvariantCulture, $"{sums[(int)c, 0] / AllCorpora.Length:0.000} / {sums[(int)c, 1] / AllCorpora.Length:0.000}")))} | |");

        // The shipped model: trained on all five; its threshold chosen on the leave-one-corpus-out scores above.
        var final = ChooseThresholds(outOfFold);
        report.AppendLine(CultureInfo.InvariantCulture, $"final thresholds from the leave-one-corpus-out scores: b {final[Combination.Model]:0.00}, c {final[Combination.RulesOrModel]:0.00}, d {final[Combination.RulesOrModelWithWho]:0.00}");
        await TestContext.Out.WriteLineAsync(report.ToString());
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "phi-linear-loco.md"), report.ToString());

        var shipped = LinearTrainer.Train(examples, final[Combination.RulesOrModel], [.. AllCorpora.Select(c => (c, GeneratorSha256(c)))]);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        shipped.Write(writer);
        if (Environment.GetEnvironmentVariable("PHI_MODEL_WRITE") == "1")
        {
            await File.WriteAllTextAsync(ModelPath, writer.ToString());
            await TestContext.Out.WriteLineAsync("wrote " + ModelPath);
            return;
        }

        Assert.That(await File.ReadAllTextAsync(ModelPath), Is.EqualTo(writer.ToString()),
            "the committed phi-linear.tsv is not what the trainer produces from the committed corpora: rebuild it with PHI_MODEL_WRITE=1");
    }

    internal enum Combination
    {
        Rules,
        Model,
        RulesOrModel,
        RulesOrModelWithWho,
    }

    private static string Name(Combination c) => c switch
    {
        Combination.Rules => "(a) rules",
        Combination.Model => "(b) model",
        Combination.RulesOrModel => "(c) rules OR model",
        _ => "(d) rules OR (model AND a WHO signal)",
    };

    /// <summary>Caught = the verdict is not clean (uncertain protects too), as in <see cref="BlindCorpusEvaluation"/>.
    /// The model applies only to content verdicts (signals and failures are decided before it runs).</summary>
    internal static bool Caught(LinearTrainer.Example e, double score, Combination c, double threshold)
    {
        var rules = e.Rules != PhiVerdict.Clean;
        var model = e.Content && score >= threshold;
        return c switch
        {
            Combination.Rules => rules,
            Combination.Model => model,
            Combination.RulesOrModel => rules || model,
            _ => rules || (model && e.Who),
        };
    }

    private static (double Recall, double Precision) Measure(IReadOnlyList<(LinearTrainer.Example Example, double Score)> scored, Combination c, double threshold)
    {
        int tp = 0, fn = 0, fp = 0;
        foreach (var (e, s) in scored)
        {
            var caught = Caught(e, s, c, threshold);
            tp += e.Phi && caught ? 1 : 0;
            fn += e.Phi && !caught ? 1 : 0;
            fp += !e.Phi && caught ? 1 : 0;
        }

        return (tp / (double)Math.Max(1, tp + fn), tp / (double)Math.Max(1, tp + fp));
    }

    /// <summary>Scores of each training corpus under a model trained on the other training corpora: what a
    /// threshold is chosen on, so that it is never chosen on the held-out corpus nor on in-sample scores.</summary>
    private static List<(LinearTrainer.Example, double)> InnerOutOfFold(IReadOnlyList<LinearTrainer.Example> train)
    {
        var result = new List<(LinearTrainer.Example, double)>();
        foreach (var inner in train.Select(e => e.Corpus).Distinct())
        {
            var model = LinearTrainer.Train([.. train.Where(e => e.Corpus != inner)], 0.5, []);
            result.AddRange(train.Where(e => e.Corpus == inner).Select(e => (e, LinearTrainer.Score(model, e))));
        }

        return result;
    }

    /// <summary>Per combination, the lowest threshold (0.05 to 0.99 by 0.01) whose pooled precision is at
    /// least <see cref="TargetPrecision"/>; 1.0 (the model never fires) when none is.</summary>
    private static Dictionary<Combination, double> ChooseThresholds(IReadOnlyList<(LinearTrainer.Example Example, double Score)> scored)
    {
        var chosen = new Dictionary<Combination, double> { [Combination.Rules] = 1.0 };
        foreach (var c in new[] { Combination.Model, Combination.RulesOrModel, Combination.RulesOrModelWithWho })
        {
            chosen[c] = 1.0;
            for (var t = 5; t <= 99; t++)
            {
                if (Measure(scored, c, t / 100.0).Precision >= TargetPrecision)
                {
                    chosen[c] = t / 100.0;
                    break;
                }
            }
        }

        return chosen;
    }

    /// <summary>Every message of every split, classified by the rules alone (the model off) and turned into
    /// features exactly as <see cref="PhiClassifier"/> does at run time.</summary>
    internal static async Task<List<LinearTrainer.Example>> LoadExamples()
    {
        var classifier = PolicyCompiler.Parse("classifier:\n  model: { enabled: false }\n  limits: { timeout_ms: 60000 }\n", "train.yaml").Classifier;
        var examples = new List<LinearTrainer.Example>();
        foreach (var corpus in AllCorpora)
        {
            foreach (var split in new[] { "dev", "blind" })
            {
                var dir = BlindCorpusEvaluation.Generate(corpus, split);
                foreach (var (path, f) in await BlindCorpusEvaluation.ManifestAsync(dir))
                {
                    Classification rules;
                    await using (var stream = File.OpenRead(path))
                    {
                        rules = await classifier.ClassifyAsync(stream, new MessageEnvelope("sender@corpus.example", null, stream.Length));
                    }

                    using var message = await MimeMessage.LoadAsync(path);
                    var extracted = MessageTextExtractor.Extract(message, classifier.Settings, ClassificationBudget.Unlimited);
                    var collector = new LinearTrainer.Collector();
                    var words = PhiFeatures.Collect(extracted, rules.Evidence, rules.Verdict, classifier.Settings.Lexicon, ref collector);
                    var (buckets, values) = collector.ToSparse(words);
                    var who = rules.Evidence.Any(e => e.Side is EvidenceSide.Who or EvidenceSide.Record);
                    examples.Add(new LinearTrainer.Example(corpus, split, f[0], f[2], f[1] == "phi", rules.Verdict, rules.Source == ClassificationSource.Content, who, buckets, values));
                }
            }
        }

        return examples;
    }
}
