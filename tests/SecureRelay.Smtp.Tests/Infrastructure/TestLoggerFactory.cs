using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>Collects log entries so tests can assert that nothing unexpected (errors, secrets) was logged.</summary>
internal sealed class TestLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public IEnumerable<string> Errors => Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Message} {e.Exception}");

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(TestLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
