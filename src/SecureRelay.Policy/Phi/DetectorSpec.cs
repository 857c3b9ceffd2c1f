namespace SecureRelay.Policy.Phi;

/// <summary>What a built-in detector says and its default weight.</summary>
/// <param name="Side">The side its evidence counts on.</param>
/// <param name="Weight">Default weight (overridable per detector in the policy).</param>
/// <param name="Specific">WHAT evidence that is a fact about someone's care, not vocabulary.</param>
/// <param name="AlsoWhat">Fixed weight also added to WHAT (an MRN says the person is a patient).</param>
internal sealed record DetectorSpec(EvidenceSide Side, double Weight, bool Specific = false, double AlsoWhat = 0);
