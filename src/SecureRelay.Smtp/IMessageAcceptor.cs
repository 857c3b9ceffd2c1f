namespace SecureRelay.Smtp;

/// <summary>
/// The host's side of the SMTP server: decides on senders and recipients beyond protocol rules and
/// takes the message body. The SMTP server has already enforced syntax, limits, AUTH and the relay
/// check (<c>554 5.7.1</c>) before calling these.
/// </summary>
public interface IMessageAcceptor
{
    /// <summary>Called for MAIL FROM after syntax and AUTH checks. Return null to accept
    /// (<c>250 2.1.0</c>), or the reply to refuse with (for example <c>452 4.3.1</c> when the
    /// spool disk is short, <c>553 5.7.1</c> when the user may not send as this domain).</summary>
    ValueTask<SmtpReply?> CheckMailFromAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Called for each RCPT TO after the relay check. Return null to accept (<c>250 2.1.5</c>)
    /// or the reply to refuse that recipient with.</summary>
    ValueTask<SmtpReply?> CheckRecipientAsync(SmtpSessionInfo session, SmtpTransaction transaction, SmtpRecipient recipient, CancellationToken cancellationToken);

    /// <summary>Called when DATA or the first BDAT begins, with at least one accepted recipient.
    /// The returned sink receives the whole message and decides the final reply.</summary>
    ValueTask<IMessageBodySink> BeginMessageAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken);
}
