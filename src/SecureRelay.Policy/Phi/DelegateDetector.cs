namespace SecureRelay.Policy.Phi;

/// <summary>A detector whose search is a function.</summary>
internal sealed class DelegateDetector(string name, EvidenceSide side, double weight, Func<string, int> find) : PhiDetector(name, side, weight)
{
    public override int Find(string text) => find(text);
}
