namespace SecureRelay.Smtp;

/// <summary>Checks AUTH credentials (PLAIN and LOGIN carry a user name and a password).</summary>
public interface ISmtpAuthenticator
{
    /// <summary>Returns true when the password is right for the user. Must take about the same time
    /// whether or not the user exists.</summary>
    ValueTask<bool> ValidateAsync(string userName, string password, CancellationToken cancellationToken);
}
