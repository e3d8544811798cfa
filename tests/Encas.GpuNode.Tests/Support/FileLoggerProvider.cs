using Microsoft.Extensions.Logging;

namespace Encas.GpuNode.Tests.Support;

/// <summary>Appends every log line of an in-process node to a file: set <c>ENCAS_TEST_LOG</c> to a path to see
/// what the nodes of a hanging or failing test said.</summary>
public sealed class FileLoggerProvider(string path, string node) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new FileLogger(path, node, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string node, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            string line = $"{DateTime.Now:HH:mm:ss.fff} {node} {logLevel} {category}: {formatter(state, exception)}"
                + (exception is null ? "" : $" {exception}") + Environment.NewLine;
            lock (Gate)
            {
                File.AppendAllText(path, line);
            }
        }
    }
}
