namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>A document or part could not be read (or must not be, such as a decompression bomb); the
/// extractor reports <see cref="Reason"/> as unreadable and goes on with the rest of the message.</summary>
internal sealed class UnreadableContentException(string reason, Exception? inner = null)
    : Exception("unreadable content: " + reason, inner)
{
    /// <summary>A stable snake_case reason code (see <see cref="ExtractedText.Unreadable"/>).</summary>
    public string Reason { get; } = reason;
}
