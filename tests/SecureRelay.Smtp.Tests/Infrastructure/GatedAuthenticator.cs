using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>An authenticator that holds every check until <see cref="Open"/> (a slow password hash), so
/// that parallel attempts are all in progress at once. Says no to everything.</summary>
internal sealed class GatedAuthenticator : ISmtpAuthenticator
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entered;

    /// <summary>Checks that reached the authenticator.</summary>
    public int Entered => Volatile.Read(ref _entered);

    public void Open() => _gate.TrySetResult();

    public async ValueTask<bool> ValidateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        await _gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return false;
    }
}
