using System.Diagnostics;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>The OCR of one message: counts its images against <see cref="OcrSettings.MaxImages"/> and its time
/// against <see cref="OcrSettings.MessageTimeout"/> (from the first image on), checks each image's header
/// before anything decodes it, and runs <see cref="TesseractProcess"/> inside an <see cref="OcrGate"/> slot.
/// Every way OCR can fail is an <see cref="UnreadableContentException"/>: the content stays unreadable, so the
/// message is never clean because OCR failed.</summary>
internal sealed class MessageOcr(OcrSettings settings, ClassificationBudget budget)
{
    private int _images;
    private long _deadline;

    /// <summary>The text of an image attachment; "" for an icon-sized image (see <see cref="OcrSettings.IconSide"/>).</summary>
    /// <exception cref="UnreadableContentException"><c>image</c> (OCR off, or not a whole image header of a format
    /// Tesseract reads), <c>image_animated</c>, <c>image_too_large</c>, <c>ocr_limit</c>, <c>ocr_timeout</c>,
    /// <c>ocr_failed</c>, and <c>image_no_text</c> for an image that looks like a document in which OCR found
    /// (almost) no text.</exception>
    public string ReadImage(ReadOnlyMemory<byte> image)
    {
        var header = Header(image, "image");
        if (header.Format != ImageFormat.Tiff && header.Frames > 1)
        {
            // Tesseract reads the first frame of an animation only; a later one may show what the first does not.
            throw new UnreadableContentException("image_animated");
        }

        if ((header.Width <= OcrSettings.IconSide && header.Height <= OcrSettings.IconSide) || Math.Min(header.Width, header.Height) < OcrSettings.MinLegibleSide)
        {
            return "";
        }

        var text = Run(image, header);
        var shorter = Math.Min(header.Width, header.Height);
        var document = header.Format == ImageFormat.Tiff
            || (shorter >= OcrSettings.DocumentSide && Math.Max(header.Width, header.Height) <= (long)shorter * OcrSettings.DocumentAspect);
        return document && text.ConfidentLetters < OcrSettings.MinDocumentLetters
            ? throw new UnreadableContentException("image_no_text")
            : text.Text;
    }

    /// <summary>The text of one image of a scanned PDF page (the caller decides whether the page was read).</summary>
    /// <exception cref="UnreadableContentException">As <see cref="ReadImage"/>, but <c>scanned_pdf</c> when OCR is off or
    /// the image cannot be handed over, and no <c>image_no_text</c>.</exception>
    public OcrText ReadPageImage(ReadOnlyMemory<byte> image) => Run(image, Header(image, "scanned_pdf"));

    /// <summary>Refuses an image of more than <see cref="OcrSettings.MaxPixels"/> before its pixels are decoded
    /// (the PDF reader knows the size from the image dictionary).</summary>
    /// <exception cref="UnreadableContentException"><c>image_too_large</c>.</exception>
    public void CheckPixels(long pixels)
    {
        if (pixels > settings.MaxPixels)
        {
            throw new UnreadableContentException("image_too_large");
        }
    }

    private ImageHeader Header(ReadOnlyMemory<byte> image, string unreadable)
    {
        if (!settings.Enabled)
        {
            throw new UnreadableContentException(unreadable);
        }

        return ImageHeader.Read(image.Span) ?? throw new UnreadableContentException(unreadable);
    }

    private OcrText Run(ReadOnlyMemory<byte> image, ImageHeader header)
    {
        if (image.Length > settings.MaxImageBytes)
        {
            throw new UnreadableContentException("image_too_large");
        }

        CheckPixels(header.Pixels);
        if (++_images > settings.MaxImages)
        {
            throw new UnreadableContentException("ocr_limit");
        }

        budget.Check();
        if (_deadline == 0)
        {
            _deadline = Stopwatch.GetTimestamp() + (long)(settings.MessageTimeout.TotalSeconds * Stopwatch.Frequency);
        }

        // OCR has its own bound: its time, waiting for a slot included, moves the classifier's deadline (lent
        // in full before, the unused part taken back after), so that a slow OCR run does not fail the rest.
        var allowance = Remaining();
        var clock = Stopwatch.StartNew();
        budget.Extend(allowance);
        try
        {
            using var slot = OcrGate.Enter(settings.MaxConcurrency, allowance, budget.Token) ?? throw new UnreadableContentException("ocr_limit");
            var remaining = Remaining();
            if (remaining <= TimeSpan.Zero)
            {
                throw new UnreadableContentException("ocr_limit");
            }

            var timeout = remaining < settings.ImageTimeout ? remaining : settings.ImageTimeout;
            return OcrText.Parse(TesseractProcess.Run(settings, image, timeout, budget.Token));
        }
        finally
        {
            budget.Extend(clock.Elapsed - allowance);
        }
    }

    private TimeSpan Remaining() =>
        TimeSpan.FromSeconds(Math.Max(0, _deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
}
