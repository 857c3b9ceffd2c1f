namespace SecureRelay.Policy.Phi;

/// <summary>One detector that fired: its name, side, weight and where in the extracted text its first
/// match starts. Never the matched text, so evidence is safe to log, store and show.</summary>
/// <param name="Detector">Detector name (<c>ssn</c>, <c>person_name</c>, <c>care_event</c>...).</param>
/// <param name="Side">What the evidence says.</param>
/// <param name="Weight">Its weight on that side.</param>
/// <param name="Offset">Character offset of the first match in the extracted text.</param>
public readonly record struct Evidence(string Detector, EvidenceSide Side, double Weight, int Offset)
{
    /// <summary><c>name@offset</c>.</summary>
    public override string ToString() => $"{Detector}@{Offset}";
}
