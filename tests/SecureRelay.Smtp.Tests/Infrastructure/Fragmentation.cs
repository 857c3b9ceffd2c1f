namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>How a transcript is cut into writes (MailKit SmtpReplayStream idea).</summary>
public enum Fragmentation
{
    Whole,
    LineByLine,
    ByteByByte,
}
