namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>What a part or archive entry is, for reading: from its declared type and name, corrected by
/// its first bytes (<see cref="ContentSniffer"/>).</summary>
internal enum DocumentKind
{
    /// <summary>Not known: sniffed, then read as text when it is mostly printable.</summary>
    Unknown,
    Text,
    Html,
    Calendar,
    Rtf,
    Pdf,
    Docx,
    Xlsx,
    Zip,
    Image,
    Media,
}
