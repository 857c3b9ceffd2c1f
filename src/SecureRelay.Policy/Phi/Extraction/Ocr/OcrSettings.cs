namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>The compiled <c>classifier.ocr:</c> section: how images and scanned PDF pages are read with
/// Tesseract (Debian <c>tesseract-ocr</c>), run as a bounded subprocess. When OCR fails, times out or hits a
/// bound, the content stays unreadable (the message is <c>uncertain</c>), never clean.</summary>
/// <param name="Enabled">Run OCR at all (default true). Off: every image and scanned page is unreadable.</param>
/// <param name="Languages">Tesseract language codes, each installed as <c>tesseract-ocr-LANG</c> (default eng, spa).</param>
/// <param name="ImageTimeout">Wall-clock bound on one Tesseract run (one image or page).</param>
/// <param name="MessageTimeout">Wall-clock bound on all OCR of one message, waiting for a slot included. OCR time
/// does not count against the classifier's own time bound (<see cref="ClassifierLimits.Timeout"/>).</param>
/// <param name="MaxImages">Most images and scanned pages read per message; the rest are unreadable.</param>
/// <param name="MaxImageBytes">Largest encoded image handed to Tesseract.</param>
/// <param name="MaxPixels">Largest image (width × height, all pages of a TIFF together), read from the header
/// before anything is decoded.</param>
/// <param name="MaxConcurrency">Tesseract processes at once in this process (each limited to one thread), so
/// that OCR never takes every core from SMTP.</param>
/// <param name="Command">The Tesseract executable: a path, or a name looked up on PATH.</param>
public sealed record OcrSettings(
    bool Enabled,
    IReadOnlyList<string> Languages,
    TimeSpan ImageTimeout,
    TimeSpan MessageTimeout,
    int MaxImages,
    long MaxImageBytes,
    long MaxPixels,
    int MaxConcurrency,
    string Command = OcrSettings.DefaultCommand)
{
    /// <summary>The executable looked up on PATH by default.</summary>
    public const string DefaultCommand = "tesseract";

    /// <summary>Most bytes of Tesseract output read (its TSV for one image); past it the image is unreadable.</summary>
    public const int MaxOutputBytes = 4 * 1024 * 1024;

    /// <summary>An image whose sides are both at most this many pixels (icons, signature marks), or whose
    /// shorter side is under <see cref="MinLegibleSide"/> (tracking pixels, rules), cannot hold a legible
    /// sentence: it is not OCR'd and counts as read, with no text.</summary>
    public const int IconSide = 48;

    /// <summary>See <see cref="IconSide"/>.</summary>
    public const int MinLegibleSide = 8;

    /// <summary>An image whose shorter side is at least this long and whose longer side is at most
    /// <see cref="DocumentAspect"/> times that (a page, even scanned at 50 dpi; a photo, perhaps of a page), a
    /// TIFF, or a PDF page, looks like a document: if OCR finds fewer than <see cref="MinDocumentLetters"/>
    /// confident letters in it, it stays unreadable. Banners and small logos without text count as read.</summary>
    public const int DocumentSide = 200;

    /// <summary>See <see cref="DocumentSide"/>.</summary>
    public const int DocumentAspect = 2;

    /// <summary>See <see cref="DocumentSide"/>.</summary>
    public const int MinDocumentLetters = 16;

    /// <summary>OCR can show PHI but not prove its absence: it misreads letters and loses the layout that ties a
    /// name to its label, and a miss sends PHI in plaintext. So an image or scanned page whose OCR text has more
    /// words than this is reported as <c>ocr_text</c> as well as read: the text can make the message phi, and
    /// when it does not, the message is uncertain (protected), never clean. A logo or banner of a few words
    /// counts as read.</summary>
    public const int MaxDecorationWords = 8;

    /// <summary>Whether OCR text is more than decoration (see <see cref="MaxDecorationWords"/>).</summary>
    public static bool IsMoreThanDecoration(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) > MaxDecorationWords;

    /// <summary>Enabled; English and Spanish; 60 s per image, 180 s per message; 10 images per message; 16 MiB and
    /// 25 M pixels per image (a Letter or A4 page at 400 dpi); half the processors (at least one) at once.
    /// Measured on the reference box: a Letter page of text takes 1.8–2.6 s of one core at 150–300 dpi, and
    /// 14–25 s of wall-clock time at a load average of 42 on 2 cores; the per-image bound leaves 2–3 times that.</summary>
    public static OcrSettings Default { get; } = new(
        true, ["eng", "spa"], TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(180), 10, 16L * 1024 * 1024, 25_000_000,
        Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>OCR off: images and scanned pages are unreadable, as before OCR existed.</summary>
    public static OcrSettings Disabled { get; } = Default with { Enabled = false };
}
