using System.Globalization;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi.Linear;

/// <summary>The linear model as one more detector after the rules: it can only raise protection. A content
/// verdict the rules call clean becomes uncertain when the model's P(phi) reaches the threshold, with the
/// signal <c>linear_model:SCORE</c> (a number, never text); phi and uncertain are left as they are (the
/// leave-one-corpus-out evaluation measured only clean → protected, see bench/PHI-MODEL.md).</summary>
internal sealed class LinearDetector
{
    /// <summary>Name in signals and explanations.</summary>
    public const string Name = "linear_model";

    public LinearDetector(LinearModel model, double threshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Threshold = threshold;
    }

    /// <summary>The shipped model at its own threshold.</summary>
    public static LinearDetector Default => new(LinearModel.Default, LinearModel.Default.Threshold);

    public LinearModel Model { get; }

    /// <summary>P(phi) at or above which a clean verdict becomes uncertain.</summary>
    public double Threshold { get; }

    /// <summary>The rules' verdict, raised to uncertain when it is clean and the model says PHI.</summary>
    public Classification Raise(Classification rules, ExtractedText extracted, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(extracted);
        if (rules.Verdict != PhiVerdict.Clean || rules.Source != ClassificationSource.Content)
        {
            return rules;
        }

        var score = Model.Score(extracted, rules.Evidence, rules.Verdict, lexicon);
        return score >= Threshold
            ? rules with { Verdict = PhiVerdict.Uncertain, Signal = Name + ":" + score.ToString("0.000", CultureInfo.InvariantCulture) }
            : rules;
    }
}
