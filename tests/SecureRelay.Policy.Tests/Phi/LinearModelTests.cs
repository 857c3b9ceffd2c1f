using System.Globalization;
using MimeKit;
using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Linear;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>The linear model after the rules (Phi/Linear): features from the text a person reads, a model
/// file that round-trips and names the corpora it was trained on, a trainer that is deterministic, and a
/// hook that can only raise a clean verdict and that policy can turn off. Whether the committed weights are
/// exactly what training produces is checked by the explicit <see cref="LinearModelTrainingTool"/> (minutes).</summary>
public class LinearModelTests
{
    private const string Letter = "Dear Maria,\n\nYour biopsy from last Tuesday came back benign. Dr. Patel would like to see you again in six months.\n\nWarm regards,\nThe clinic";

    private static PhiClassifier WithModel(string model) =>
        PolicyCompiler.Parse($"classifier:\n  model: {model}\n  limits: {{ timeout_ms: 60000 }}\n", "model.yaml").Classifier;

    private static ExtractedText Extract(MimeMessage message) =>
        MessageTextExtractor.Extract(message, PolicyTestData.Patient.Settings, ClassificationBudget.Unlimited);

    private static double Score(MimeMessage message)
    {
        var settings = PolicyTestData.Patient.Settings;
        return LinearModel.Default.Score(Extract(message), [], PhiVerdict.Clean, settings.Lexicon);
    }

    [Test]
    public void CommittedModel_WasTrainedOnTheCommittedCorpora()
    {
        var model = LinearModel.Default;
        Assert.Multiple(() =>
        {
            Assert.That(model.Corpora.Select(c => c.Corpus), Is.EqualTo(LinearModelTrainingTool.AllCorpora));
            foreach (var (corpus, sha) in model.Corpora)
            {
                Assert.That(sha, Is.EqualTo(LinearModelTrainingTool.GeneratorSha256(corpus)),
                    $"tests/corpora/{corpus}/generate.py changed since the model was trained: rebuild it (PHI_MODEL_WRITE=1, LinearModelTrainingTool)");
            }

            Assert.That(model.Threshold, Is.GreaterThan(0).And.LessThan(1));
        });
    }

    [Test]
    public async Task ModelFile_RoundTripsByteForByte()
    {
        var committed = await File.ReadAllTextAsync(LinearModelTrainingTool.ModelPath);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        LinearModel.Parse(new StringReader(committed)).Write(writer);
        Assert.That(writer.ToString(), Is.EqualTo(committed));
    }

    [Test]
    public void ModelFile_WithoutItsHeader_IsRejected() =>
        Assert.Throws<FormatException>(() => LinearModel.Parse(new StringReader("bias\t0\n12\t0.5\n")));

    [Test]
    public void Score_IgnoresHeaderValuesButNotTheSubject()
    {
        var plain = Score(PolicyTestData.Message(Letter, "Your results"));
        var otherHeaders = Score(PolicyTestData.Message(Letter, "Your results", ("X-Mailer", "Microsoft Outlook 16.0 biopsy benign"), ("Comments", "oncology results")));
        var otherSubject = Score(PolicyTestData.Message(Letter, "Quarterly newsletter"));
        Assert.Multiple(() =>
        {
            Assert.That(otherHeaders, Is.EqualTo(plain), "header values are skipped");
            Assert.That(otherSubject, Is.Not.EqualTo(plain), "the subject is read");
        });
    }

    [Test]
    public void Score_SeesShapesNotValues()
    {
        var a = Score(PolicyTestData.Message("Your A1c from 03/14/2025 was 8.5 and member ID XJ4471 is on file."));
        var b = Score(PolicyTestData.Message("Your A1c from 11/02/2024 was 6.1 and member ID QP9902 is on file."));
        var c = Score(PolicyTestData.Message("Your A1c from last spring was high and member ID XJ4471 is on file."));
        Assert.Multiple(() =>
        {
            Assert.That(b, Is.EqualTo(a), "numbers, dates and codes are shape tokens");
            Assert.That(c, Is.Not.EqualTo(a));
        });
    }

    [Test]
    public void Score_AtRunTime_EqualsTheTrainersScore()
    {
        var settings = PolicyTestData.Patient.Settings;
        var extracted = Extract(PolicyTestData.Message(Letter, "Your results", ("X-Mailer", "Outlook")));
        Evidence[] evidence = [new("addressee", EvidenceSide.Who, 0.5, 0)];
        var collector = new LinearTrainer.Collector();
        var words = PhiFeatures.Collect(extracted, evidence, PhiVerdict.Clean, settings.Lexicon, ref collector);
        var (buckets, values) = collector.ToSparse(words);
        var example = new LinearTrainer.Example("c", "dev", "f", "fam", true, PhiVerdict.Clean, true, true, buckets, values);
        Assert.That(LinearTrainer.Score(LinearModel.Default, example),
            Is.EqualTo(LinearModel.Default.Score(extracted, evidence, PhiVerdict.Clean, settings.Lexicon)).Within(1e-5));
    }

    [Test]
    public void Trainer_IsDeterministicAndLearns()
    {
        var examples = new List<LinearTrainer.Example>();
        for (var i = 0; i < 40; i++)
        {
            var phi = i % 2 == 0;
            // Bucket 7 marks PHI in both corpora; bucket 9 occurs in corpus a only and must not be learnt.
            examples.Add(new LinearTrainer.Example(i < 20 ? "a" : "b", "dev", i.ToString(CultureInfo.InvariantCulture), "f", phi, PhiVerdict.Clean, true, false,
                phi ? [7, i < 20 ? 9 : 10, 100 + i] : [8, 100 + i], phi ? [1f, 1f, 1f] : [1f, 1f]));
        }

        var first = LinearTrainer.Train(examples, 0.5, [("a", "x")]);
        var second = LinearTrainer.Train(examples, 0.5, [("a", "x")]);
        using var w1 = new StringWriter(CultureInfo.InvariantCulture);
        using var w2 = new StringWriter(CultureInfo.InvariantCulture);
        first.Write(w1);
        second.Write(w2);
        Assert.Multiple(() =>
        {
            Assert.That(w2.ToString(), Is.EqualTo(w1.ToString()));
            Assert.That(LinearTrainer.Score(first, examples[0]), Is.GreaterThan(0.9));
            Assert.That(LinearTrainer.Score(first, examples[1]), Is.LessThan(0.1));
            Assert.That(first.Weights[9], Is.Zero, "a bucket seen in one corpus only is not learnt");
        });
    }

    [Test]
    public async Task Hook_RaisesOnlyCleanAndSaysSo()
    {
        var message = PolicyTestData.Message("Reminder: the parking lot is being repaved on Friday. Please use the north entrance.");
        var off = await PolicyTestData.Classify(message, WithModel("{ enabled: false }"));
        var low = await PolicyTestData.Classify(message, WithModel("{ threshold: 0.0001 }"));
        var high = await PolicyTestData.Classify(message, WithModel("{ threshold: 0.9999 }"));
        Assert.Multiple(() =>
        {
            Assert.That(off.Verdict, Is.EqualTo(PhiVerdict.Clean));
            Assert.That(low.Verdict, Is.EqualTo(PhiVerdict.Uncertain));
            Assert.That(low.Signal, Does.Match(@"^linear_model:0\.\d{3}$"), "name and score, never text");
            Assert.That(low.Evidence, Is.EqualTo(off.Evidence));
            Assert.That(high.Verdict, Is.EqualTo(PhiVerdict.Clean));
        });
    }

    [Test]
    public async Task Hook_NeverLowersAVerdict()
    {
        var phi = PolicyTestData.Message("Patient: Maria Gonzalez, DOB 04/12/1961, MRN 00482913. Assessment: type 2 diabetes mellitus. HbA1c 8.2 %.");
        var off = await PolicyTestData.Classify(phi, WithModel("{ enabled: false }"));
        var high = await PolicyTestData.Classify(phi, WithModel("{ threshold: 0.9999 }"));
        Assert.Multiple(() =>
        {
            Assert.That(off.Verdict, Is.EqualTo(PhiVerdict.Phi));
            Assert.That(high.Verdict, Is.EqualTo(PhiVerdict.Phi));
            Assert.That(high.Signal, Is.Null);
        });
    }

    [TestCase("{ threshold: 0 }")]
    [TestCase("{ threshold: 1 }")]
    [TestCase("{ threshold: -0.5 }")]
    [TestCase("{ threshold: .nan }")]
    [TestCase("{ enabled: false, threshold: 2 }")]
    public void Compiler_RejectsAThresholdThatIsNotAProbability(string model)
    {
        var e = Assert.Throws<ConfigurationException>(() => WithModel(model));
        Assert.That(e!.Message, Does.Contain("model.yaml:2:").And.Contain("probability"));
    }

    [Test]
    public void Compiler_RejectsUnknownModelKeys() =>
        Assert.Throws<ConfigurationException>(() => WithModel("{ enabeld: false }"));

    [Test]
    public void Compiler_DefaultsToTheModelsOwnThreshold()
    {
        Assert.That(PolicyTestData.Patient.Settings.Model?.Threshold, Is.EqualTo(LinearModel.Default.Threshold));
        Assert.That(WithModel("{ enabled: false }").Settings.Model, Is.Null);
    }
}
