using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Testing;

/// <summary>Collects formatted log lines, so a test can assert what was logged (and that no address,
/// body or secret was).</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    /// <summary>Each line with its level.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>Each line, followed by <c> | exception message</c> when one was logged.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string message = formatter(state, exception);
        Entries.Enqueue((logLevel, message));
        Lines.Enqueue(message + (exception is null ? string.Empty : " | " + exception.Message));
    }
}
