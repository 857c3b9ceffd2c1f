namespace SecureRelay.Spool;

/// <summary>
/// What the SMTP server saw in a message's content while receiving it: whether any byte had the
/// high bit set, and the longest line (without CRLF). Stored with the envelope so that delivery can
/// send content that already fits the next hop as it is, without MimeKit re-scanning (and possibly
/// re-encoding) every part: a relay should not change what it passes on, which would also break the
/// originator's DKIM body hash.
/// </summary>
/// <param name="EightBit">True when a byte ≥ 0x80 occurred.</param>
/// <param name="LongestLine">The longest line in octets, CRLF not counted.</param>
public sealed record ContentFacts(bool EightBit, long LongestLine);
