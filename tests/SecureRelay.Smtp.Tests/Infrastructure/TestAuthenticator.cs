using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

internal sealed class TestAuthenticator : ISmtpAuthenticator
{
    public const string User = "app@clinic.example";
    public const string Password = "s3cret-Passw0rd";

    public ValueTask<bool> ValidateAsync(string userName, string password, CancellationToken cancellationToken) =>
        ValueTask.FromResult(userName == User && password == Password);
}
