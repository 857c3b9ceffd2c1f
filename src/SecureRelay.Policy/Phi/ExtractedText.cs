namespace SecureRelay.Policy.Phi;

/// <summary>What the classifier could read of a message, and what it could not.</summary>
/// <param name="Text">The text of every header a client may show, every readable part and document.</param>
/// <param name="Unreadable">Stable snake_case reason codes, in the order met and without repeats, for content
/// that could not be read: <c>image</c>, <c>media</c>, <c>encrypted_pdf</c>, <c>scanned_pdf</c>,
/// <c>pdf_filter</c>, <c>archive_unknown</c>, <c>archive_encrypted</c>, <c>zip_limit</c>,
/// <c>decompression_limit</c>, <c>message_partial</c>, <c>external_body</c>, <c>bad_transfer_encoding</c>,
/// <c>unknown_charset</c>, <c>octet_stream</c>, <c>unknown_type</c>, <c>encrypted_part</c>,
/// <c>opaque_signed</c>, <c>unreadable_pdf</c>, <c>unreadable_docx</c>, <c>unreadable_xlsx</c>,
/// <c>unreadable_zip</c>, <c>unreadable_message</c>; from OCR <c>image_animated</c>, <c>image_too_large</c>,
/// <c>image_no_text</c>, <c>ocr_limit</c>, <c>ocr_timeout</c>, <c>ocr_failed</c>. Reasons only, never content. Empty means every byte
/// was read.</param>
public sealed record ExtractedText(string Text, IReadOnlyList<string> Unreadable)
{
    /// <summary>Where in <see cref="Text"/> header values are (every header but the subjects): the statistical
    /// model skips them, since header layouts are what a sender's software writes, not what a person reads.</summary>
    internal IReadOnlyList<Range> Headers { get; init; } = [];
}
