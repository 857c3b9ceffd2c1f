namespace SecureRelay.Smtp.Protocol;

/// <summary>Result of one <see cref="MessageContentScanner.Scan"/> call.</summary>
internal enum ScanStatus
{
    /// <summary>All input was consumed; more is needed.</summary>
    NeedMoreInput,
    /// <summary>The output span is full; call again with a fresh one.</summary>
    OutputFull,
    /// <summary>The <c>CRLF "." CRLF</c> terminator was consumed (DATA framing only).</summary>
    EndOfData,
}
