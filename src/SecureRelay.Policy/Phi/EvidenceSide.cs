namespace SecureRelay.Policy.Phi;

/// <summary>What a detector's evidence says. PHI is an identifiable person (WHO) × health information
/// about them (WHAT); a clinical record format is both at once; counter-evidence lowers WHAT.</summary>
public enum EvidenceSide
{
    /// <summary>Someone is identifiable: an identifier, a name found by context, personal framing.</summary>
    Who = 0,

    /// <summary>Health information: a fact about a person's care, or health vocabulary.</summary>
    What = 1,

    /// <summary>A clinical record format (HL7 v2, FHIR, C-CDA, X12, an identifier table): PHI on its own.</summary>
    Record = 2,

    /// <summary>The health content is about no one: bulk mail, statistics, invoices, job posts, notices.</summary>
    Against = 3,
}
