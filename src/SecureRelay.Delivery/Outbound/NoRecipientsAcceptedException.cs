namespace SecureRelay.Delivery.Outbound;

/// <summary>Every RCPT was refused; the per-recipient replies are in <see cref="RelaySmtpClient.Rejected"/>.</summary>
internal sealed class NoRecipientsAcceptedException : Exception
{
    public NoRecipientsAcceptedException()
        : base("no recipients were accepted")
    {
    }

    public NoRecipientsAcceptedException(string message)
        : base(message)
    {
    }

    public NoRecipientsAcceptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
