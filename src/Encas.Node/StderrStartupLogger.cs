using Akka.Event;

namespace Encas.Node;

/// <summary>
/// The logger Akka uses while its real loggers are not running (start-up and shutdown): warnings and errors that
/// the standard-out logger would print, written to standard error instead, so that they never mix with a
/// command's output on standard out.
/// </summary>
public sealed class StderrStartupLogger : MinimalLogger
{
    /// <summary>The HOCON that makes Akka use this logger.</summary>
    public const string Hocon =
        "akka.stdout-logger-class = \"Encas.Node.StderrStartupLogger, Encas.Node\"";

    /// <inheritdoc />
    protected override void Log(object message)
    {
        // Start-up and shutdown chatter (remoting up, remoting shut down) is not worth a line; trouble is.
        if (message is LogEvent e && e.LogLevel() >= LogLevel.WarningLevel)
        {
            Console.Error.WriteLine(e.ToString());
        }
    }
}
