using MimeKit;
using SecureRelay.Policy;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Runs the default classifier over the labelled corpus (Corpus/phi, Corpus/clean; written by
/// Corpus/generate_corpus.py) and holds it to recall ≥ 0.99 at precision ≥ 0.95.</summary>
public class CorpusTests
{
    private static string CorpusDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    [Test]
    public async Task DefaultClassifier_MeetsRecallAndPrecisionTargets()
    {
        var phiFiles = Directory.GetFiles(Path.Combine(CorpusDir, "phi"), "*.eml");
        var cleanFiles = Directory.GetFiles(Path.Combine(CorpusDir, "clean"), "*.eml");
        Assert.That(phiFiles.Length + cleanFiles.Length, Is.GreaterThanOrEqualTo(300), "corpus size");

        int tp = 0, fn = 0, fp = 0, tn = 0;
        var misses = new List<string>();
        foreach (var (files, expected) in new[] { (phiFiles, true), (cleanFiles, false) })
        {
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                await using var stream = File.OpenRead(file);
                var envelope = new MessageEnvelope("sender@corpus.example", null, new FileInfo(file).Length);
                var c = await PhiClassifier.Default.ClassifyAsync(stream, envelope);
                Assert.That(c.Source, Is.Not.EqualTo(ClassificationSource.Failure), $"{Path.GetFileName(file)} failed: {c}");
                switch (expected, c.IsPhi)
                {
                    case (true, true): tp++; break;
                    case (true, false): fn++; misses.Add($"FN {Path.GetFileName(file)}: {c}"); break;
                    case (false, true): fp++; misses.Add($"FP {Path.GetFileName(file)}: {c}"); break;
                    default: tn++; break;
                }
            }
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        await TestContext.Out.WriteLineAsync($"corpus: {phiFiles.Length} phi, {cleanFiles.Length} clean; TP={tp} FN={fn} FP={fp} TN={tn}");
        await TestContext.Out.WriteLineAsync($"precision={precision:0.0000} recall={recall:0.0000}");
        foreach (var m in misses)
        {
            await TestContext.Out.WriteLineAsync(m);
        }

        Assert.Multiple(() =>
        {
            Assert.That(recall, Is.GreaterThanOrEqualTo(0.99), "recall");
            Assert.That(precision, Is.GreaterThanOrEqualTo(0.95), "precision");
        });
    }
}
