using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Fires where a code follows its label closely (NPI, DEA, CPT, NDC).</summary>
internal sealed class LabelledCodeDetector(string name, EvidenceSide side, double weight, Regex label, Regex code, int window, Func<string, bool> valid, bool specific = false)
    : PhiDetector(name, side, weight, specific)
{
    public override int Find(string text) => CodeAfterLabel(text, label, code, window, valid);
}
