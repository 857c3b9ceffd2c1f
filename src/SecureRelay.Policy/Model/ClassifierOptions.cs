namespace SecureRelay.Policy.Model;

/// <summary>The <c>classifier:</c> section: detector weights, threshold, organisation patterns and limits.
/// Every value has a built-in default.</summary>
public sealed class ClassifierOptions
{
    /// <summary>A message is PHI when the summed weight of fired detectors reaches this (default 1.0).</summary>
    public double? Threshold { get; set; }

    /// <summary>Per-detector settings by detector name (<c>ssn</c>, <c>mbi</c>, <c>npi</c>, ...).</summary>
    public Dictionary<string, DetectorOptions>? Detectors { get; set; }

    /// <summary>Extra medical-record-number regexes (per organisation), added to the built-in labelled pattern.</summary>
    public List<string>? MrnPatterns { get; set; }

    /// <summary>Extra member-id regexes (per payer), added to the built-in labelled pattern.</summary>
    public List<string>? MemberIdPatterns { get; set; }

    /// <summary>Extra medication terms.</summary>
    public List<string>? MedicationTerms { get; set; }

    /// <summary>Extra diagnosis terms.</summary>
    public List<string>? DiagnosisTerms { get; set; }

    /// <summary>Subject tags that mark a message PHI (default <c>[secure]</c>, <c>[encrypt]</c>), case-insensitive.</summary>
    public List<string>? SubjectTags { get; set; }

    /// <summary>Authenticated users whose <c>X-SecureRelay-Classification: none</c> is honoured (default none:
    /// lowering protection is a privilege).</summary>
    public List<string>? AllowNoneHeader { get; set; }

    /// <summary>Where the word lists are (default: the installed packages).</summary>
    public LexiconOptions? Lexicons { get; set; }

    /// <summary>Reading limits.</summary>
    public ClassifierLimitsOptions? Limits { get; set; }

    /// <summary>OCR of images and scanned PDF pages.</summary>
    public OcrOptions? Ocr { get; set; }

    /// <summary>The statistical detector after the rules (on by default).</summary>
    public ClassifierModelOptions? Model { get; set; }
}
