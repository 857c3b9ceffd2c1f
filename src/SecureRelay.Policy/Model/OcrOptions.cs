namespace SecureRelay.Policy.Model;

/// <summary>The <c>classifier.ocr:</c> section: reading images and scanned PDF pages with Tesseract. Every value
/// has a built-in default (<see cref="Phi.Extraction.Ocr.OcrSettings.Default"/>).</summary>
public sealed class OcrOptions
{
    /// <summary>Run OCR (default true; needs Debian <c>tesseract-ocr</c>, else start-up stops).</summary>
    public bool? Enabled { get; set; }

    /// <summary>Tesseract languages, each installed as <c>tesseract-ocr-LANG</c> (default eng, spa).</summary>
    public List<string>? Languages { get; set; }

    /// <summary>Bound on one image or page, in milliseconds (default 60000).</summary>
    public long? TimeoutMs { get; set; }

    /// <summary>Bound on all OCR of one message, in milliseconds (default 180000).</summary>
    public long? MaxMessageMs { get; set; }

    /// <summary>Most images and scanned pages read per message (default 10).</summary>
    public int? MaxImages { get; set; }

    /// <summary>Largest image in bytes (default 16 MiB).</summary>
    public long? MaxImageBytes { get; set; }

    /// <summary>Largest image in pixels, from its header (default 25,000,000).</summary>
    public long? MaxPixels { get; set; }

    /// <summary>Tesseract processes at once (default half the processors, at least 1).</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>The executable (default <c>tesseract</c> on PATH).</summary>
    public string? Command { get; set; }
}
