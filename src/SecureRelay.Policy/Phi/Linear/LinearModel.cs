using System.Globalization;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi.Linear;

/// <summary>An L2-regularised logistic regression over <see cref="PhiFeatures"/>: P(phi) =
/// σ(bias + Σ word weights / √words + Σ rule weights). Immutable, thread-safe; one 1 MB weight array.
/// The committed weights (<c>phi-linear.tsv</c>, embedded) are rebuilt by the test project's
/// <c>LinearModelTrainingTool</c> from the corpora named in the file.</summary>
internal sealed class LinearModel
{
    private const string Format = "phi-linear-1";

    private static readonly Lazy<LinearModel> Embedded = new(() =>
    {
        using var stream = typeof(LinearModel).Assembly.GetManifestResourceStream("phi-linear.tsv")
            ?? throw new InvalidOperationException("the embedded resource phi-linear.tsv is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    });

    private readonly float[] _weights;

    public LinearModel(float[] weights, double bias, double threshold, IReadOnlyList<(string Corpus, string Sha256)> corpora)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != PhiFeatures.Buckets)
        {
            throw new ArgumentException($"expected {PhiFeatures.Buckets} weights", nameof(weights));
        }

        _weights = weights;
        Bias = bias;
        Threshold = threshold;
        Corpora = corpora;
    }

    /// <summary>The shipped model.</summary>
    public static LinearModel Default => Embedded.Value;

    public double Bias { get; }

    /// <summary>The probability above which the model calls a message PHI, chosen on held-out corpora
    /// (the leave-one-corpus-out scores) when it was trained.</summary>
    public double Threshold { get; }

    /// <summary>The corpus generators it was trained on and the SHA-256 of each generator script.</summary>
    public IReadOnlyList<(string Corpus, string Sha256)> Corpora { get; }

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>P(phi) for a message as the rules saw it.</summary>
    public double Score(ExtractedText extracted, IReadOnlyList<Evidence> evidence, PhiVerdict rules, Lexicon lexicon)
    {
        var sink = new Sum(_weights);
        var words = PhiFeatures.Collect(extracted, evidence, rules, lexicon, ref sink);
        var z = Bias + sink.Rules + (words == 0 ? 0 : sink.Words / Math.Sqrt(words));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Reads the text format written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">Not a model file of this format.</exception>
    public static LinearModel Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var weights = new float[PhiFeatures.Buckets];
        double? bias = null, threshold = null;
        var format = false;
        var corpora = new List<(string, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "format" when f.Length == 2 && f[1] == Format:
                    format = true;
                    break;
                case "buckets" when f.Length == 2 && f[1] == PhiFeatures.Buckets.ToString(CultureInfo.InvariantCulture):
                    break;
                case "corpus" when f.Length == 3:
                    corpora.Add((f[1], f[2]));
                    break;
                case "bias" when f.Length == 2:
                    bias = double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "threshold" when f.Length == 2:
                    threshold = double.Parse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                default:
                    if (f.Length != 2 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bucket) || bucket >= weights.Length
                        || !float.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                    {
                        throw new FormatException($"phi-linear.tsv line {number}: not a model line");
                    }

                    weights[bucket] = weight;
                    break;
            }
        }

        if (!format || bias is null || threshold is null)
        {
            throw new FormatException($"not a {Format} model (format, bias and threshold lines are required)");
        }

        return new LinearModel(weights, bias.Value, threshold.Value, corpora);
    }

    /// <summary>Writes the model as text: header lines, then one <c>bucket TAB weight</c> line per non-zero
    /// weight, in bucket order, each number in its shortest round-trip form (same model, same bytes).</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        writer.WriteLine("# SecureRelay PHI linear model: logistic regression over hashed words and rule evidence (Phi/Linear/PhiFeatures.cs).");
        writer.WriteLine("# Rebuild: PHI_MODEL_WRITE=1 dotnet test tests/SecureRelay.Policy.Tests --filter LinearModelTrainingTool");
        writer.WriteLine("format\t" + Format);
        writer.WriteLine("buckets\t" + PhiFeatures.Buckets.ToString(CultureInfo.InvariantCulture));
        foreach (var (corpus, sha) in Corpora)
        {
            writer.WriteLine($"corpus\t{corpus}\t{sha}");
        }

        writer.WriteLine("threshold\t" + Threshold.ToString("R", CultureInfo.InvariantCulture));
        writer.WriteLine("bias\t" + Bias.ToString("R", CultureInfo.InvariantCulture));
        for (var i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] != 0)
            {
                writer.WriteLine(i.ToString(CultureInfo.InvariantCulture) + "\t" + _weights[i].ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    private struct Sum(float[] weights) : PhiFeatures.IFeatureSink
    {
        private readonly float[] _weights = weights;

        public double Words { get; private set; }

        public double Rules { get; private set; }

        public void Word(int bucket) => Words += _weights[bucket];

        public void Rule(int bucket) => Rules += _weights[bucket];
    }
}
