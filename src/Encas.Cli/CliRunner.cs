using System.CommandLine;
using Encas.Cli.Commands;

namespace Encas.Cli;

/// <summary>Runs the root command and turns expected failures into one-line errors and exit code 2.</summary>
internal static class CliRunner
{
    /// <summary>Exit code for bad input: a file, option, model or row the user has to fix.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the user interrupted the command.</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; tables read better unwrapped in files and logs.
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }

        var parse = root.Parse(args);

        // Node verbs are stopped by their host (SIGTERM → coordinated shutdown); every other command gets the first
        // SIGINT or SIGTERM as a cancellation and cleans up after itself.
        using var signals = parse.CommandResult.Command is NodeVerbCommand ? null : new TerminationSignals();
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, signals?.Token ?? CancellationToken.None);
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            Console.Error.WriteLine($"error: {OneLine(ex.Message)}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("error: interrupted; nothing half-written was left behind");
            return signals?.ExitCode ?? Interrupted;
        }
    }

    private static bool IsUserError(Exception ex) => ex is InvalidDataException or ArgumentException
        or FileNotFoundException or DirectoryNotFoundException or FormatException or UserInputException
        or UnauthorizedAccessException or IOException;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
