namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>OCR is enabled but Tesseract or one of its languages is not installed: start-up (or a reload)
/// stops, because without it every image would silently stay unreadable.</summary>
public sealed class OcrEngineMissingException : Exception
{
    /// <summary>Creates the exception with a message naming what to install.</summary>
    public OcrEngineMissingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OcrEngineMissingException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OcrEngineMissingException() : this("Tesseract OCR is not installed (Debian package tesseract-ocr; run scripts/lexicons.sh)")
    {
    }
}
