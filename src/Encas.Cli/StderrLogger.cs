using Microsoft.Extensions.Logging;

namespace Encas.Cli;

/// <summary>A minimal logger for in-process commands: warnings and errors as one line each on stderr.</summary>
internal sealed class StderrLogger(string prefix) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            string level = logLevel >= LogLevel.Error ? "error" : "warning";
            Console.Error.WriteLine($"{prefix}: {level}: {formatter(state, exception).ReplaceLineEndings(" ")}");
        }
    }
}
