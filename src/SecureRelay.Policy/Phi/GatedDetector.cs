namespace SecureRelay.Policy.Phi;

/// <summary>A detector behind a necessary condition on the text's profile (see <see cref="PhiDetector.MayFire"/>):
/// skipped where it provably cannot fire.</summary>
internal sealed class GatedDetector(PhiDetector inner, Func<TextProfile, bool> gate)
    : PhiDetector(inner.Name, inner.Side, inner.Weight, inner.Specific, inner.AlsoWhat)
{
    public override bool MayFire(TextProfile profile) => gate(profile) && inner.MayFire(profile);

    public override int Find(string text) => inner.Find(text);
}
