namespace SecureRelay.LoadGen;

/// <summary>A complete (possibly multi-line) SMTP reply: its code and all its lines.</summary>
internal readonly record struct SmtpReplyLine(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>The last line, used in error messages.</summary>
    public string Last => Lines.Count > 0 ? Lines[^1] : string.Empty;
}
