using System.Text;
using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>One message as the sink received it.</summary>
internal sealed record ReceivedMessage(SmtpSessionInfo Session, SmtpTransaction Transaction, byte[] Content, int Writes)
{
    /// <summary>The Received: header the server prepended (with its folded lines).</summary>
    public string ReceivedHeader
    {
        get
        {
            var text = Encoding.UTF8.GetString(Content);
            Assert.That(text, Does.StartWith("Received: "));
            var end = 0;
            while (true)
            {
                end = text.IndexOf("\r\n", end, StringComparison.Ordinal) + 2;
                if (end >= text.Length || text[end] != '\t')
                {
                    return text[..end];
                }
            }
        }
    }

    /// <summary>The content after our Received: header, as the client sent it (unstuffed).</summary>
    public byte[] Body => Content[Encoding.UTF8.GetByteCount(ReceivedHeader)..];

    public string BodyText => Encoding.UTF8.GetString(Body);
}
