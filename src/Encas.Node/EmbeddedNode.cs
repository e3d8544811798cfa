using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Encas.Node;

/// <summary>What the nodes that commands host for themselves (<see cref="LocalCluster"/>,
/// <see cref="LocalPoolBuild"/>) share: their logging and their private data folder.</summary>
internal static class EmbeddedNode
{
    /// <summary>Warnings and errors as single lines on standard error (standard out is the command's); of Akka's
    /// own, errors only: in a cluster of one, its warnings (a late heartbeat on a busy machine, say) concern
    /// nobody.</summary>
    public static void DefaultLogging(ILoggingBuilder builder)
    {
        builder.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter((category, level) => level >= (category?.StartsWith("Akka", StringComparison.Ordinal) == true
                ? LogLevel.Error
                : LogLevel.Warning));
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>A fresh folder name under the temporary folder for one embedded node's data.</summary>
    public static string NewDataFolder(string purpose) =>
        Path.Combine(Path.GetTempPath(), $"encas-{purpose}-{Guid.NewGuid():N}");

    /// <summary>Deletes <paramref name="folder"/> if it can; a leftover temporary folder is not an error.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
