namespace SecureRelay.Policy.Model;

/// <summary>Bounds on the classifier's reading. Exceeding any bound classifies the message as PHI (fail closed).</summary>
public sealed class ClassifierLimitsOptions
{
    /// <summary>Most characters of extracted text (default 10,000,000).</summary>
    public long? MaxTextChars { get; set; }

    /// <summary>Most bytes of message read (default 64 MiB).</summary>
    public long? MaxMessageBytes { get; set; }

    /// <summary>Time budget in milliseconds (default 2000).</summary>
    public int? TimeoutMs { get; set; }

    /// <summary>Deepest MIME nesting (default 10).</summary>
    public int? MaxMimeDepth { get; set; }

    /// <summary>Most MIME parts (default 500).</summary>
    public int? MaxParts { get; set; }

    /// <summary>Most PDF pages read per attachment (default 200).</summary>
    public int? MaxPdfPages { get; set; }
}
