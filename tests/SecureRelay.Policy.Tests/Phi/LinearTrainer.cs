using SecureRelay.Policy.Phi;
using SecureRelay.Policy.Phi.Linear;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Trains <see cref="LinearModel"/>: L2-regularised logistic regression by Adagrad, deterministic
/// (fixed epochs, fixed learning rate, examples visited in an order drawn from a fixed-seed xorshift, one
/// thread), so the same examples give the same weights bit for bit. The hyper-parameters were fixed before
/// the first leave-one-corpus-out run and not tuned on any held-out corpus.</summary>
internal static class LinearTrainer
{
    public const int Epochs = 20;
    public const double LearningRate = 0.5;
    public const double L2 = 1e-4;

    /// <summary>A bucket is learnt only when it occurs in messages of at least this many training corpora:
    /// a word or layout that one generator writes and no other cannot be learnt as a sign of PHI.</summary>
    public const int MinCorpora = 2;

    /// <summary>One message as features: buckets with their summed values (words 1/√words each, rules 1).</summary>
    public sealed record Example(string Corpus, string Split, string File, string Family, bool Phi, PhiVerdict Rules, bool Content, bool Who, int[] Buckets, float[] Values);

    /// <summary>Gathers a message's features into an <see cref="Example"/>.</summary>
    public sealed class Collector : PhiFeatures.IFeatureSink
    {
        private readonly List<int> _words = [];
        private readonly List<int> _rules = [];

        public void Word(int bucket) => _words.Add(bucket);

        public void Rule(int bucket) => _rules.Add(bucket);

        /// <summary>The features summed per bucket; <paramref name="words"/> is what <see cref="PhiFeatures.Collect"/> returned.</summary>
        public (int[] Buckets, float[] Values) ToSparse(int words)
        {
            var sums = new SortedDictionary<int, double>();
            var scale = words == 0 ? 0 : 1 / Math.Sqrt(words);
            foreach (var b in _words)
            {
                sums[b] = sums.GetValueOrDefault(b) + scale;
            }

            foreach (var b in _rules)
            {
                sums[b] = sums.GetValueOrDefault(b) + 1;
            }

            return ([.. sums.Keys], [.. sums.Values.Select(v => (float)v)]);
        }
    }

    public static LinearModel Train(IReadOnlyList<Example> examples, double threshold, IReadOnlyList<(string Corpus, string Sha256)> corpora)
    {
        var training = examples.Where(e => e.Content).ToList();
        var allowed = AllowedBuckets(training);
        var w = new double[PhiFeatures.Buckets];
        var g2 = new double[PhiFeatures.Buckets];
        double bias = 0, biasG2 = 0;
        var order = Enumerable.Range(0, training.Count).ToArray();
        var state = 0x2545F4914F6CDD1DUL;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            // Fisher-Yates with xorshift64: the same order on every machine and runtime.
            for (var i = order.Length - 1; i > 0; i--)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                var j = (int)(state % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            foreach (var index in order)
            {
                var e = training[index];
                var z = bias;
                for (var k = 0; k < e.Buckets.Length; k++)
                {
                    if (allowed[e.Buckets[k]])
                    {
                        z += w[e.Buckets[k]] * e.Values[k];
                    }
                }

                var p = 1 / (1 + Math.Exp(-z));
                var g = p - (e.Phi ? 1 : 0);
                biasG2 += g * g;
                bias -= LearningRate * g / Math.Sqrt(biasG2 + 1e-8);
                for (var k = 0; k < e.Buckets.Length; k++)
                {
                    var b = e.Buckets[k];
                    if (!allowed[b])
                    {
                        continue;
                    }

                    var grad = (g * e.Values[k]) + (L2 * w[b]);
                    g2[b] += grad * grad;
                    w[b] -= LearningRate * grad / Math.Sqrt(g2[b] + 1e-8);
                }
            }
        }

        return new LinearModel([.. w.Select(x => (float)x)], bias, threshold, corpora);
    }

    /// <summary>P(phi) of an example under a model: what <see cref="LinearModel.Score"/> computes at run time.</summary>
    public static double Score(LinearModel model, Example e)
    {
        var weights = model.Weights;
        var z = model.Bias;
        for (var k = 0; k < e.Buckets.Length; k++)
        {
            z += weights[e.Buckets[k]] * (double)e.Values[k];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    private static bool[] AllowedBuckets(IReadOnlyList<Example> training)
    {
        var seen = new Dictionary<int, HashSet<string>>();
        foreach (var e in training)
        {
            foreach (var b in e.Buckets)
            {
                if (!seen.TryGetValue(b, out var corpora))
                {
                    seen[b] = corpora = [];
                }

                corpora.Add(e.Corpus);
            }
        }

        var allowed = new bool[PhiFeatures.Buckets];
        foreach (var (b, corpora) in seen)
        {
            allowed[b] = corpora.Count >= MinCorpora;
        }

        return allowed;
    }
}
