using System.CommandLine;
using Encas.Cli.Commands;

namespace Encas.Cli;

/// <summary>The whole <c>encas</c> command tree; tests parse deployment commands against it.</summary>
internal static class EncasCommands
{
    /// <summary>A fresh root command with every verb.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("ENCAS: evolutionary neural cascade search over model pools.")
        {
            PoolCommand.Create(),
            EvaluateCommand.Create(),
            SearchCommand.Create(),
            BenchCommand.Create(),
            SubmitCommand.Create(),
            StatusCommand.Create(),
            CtlCommand.Create(),
        };
        foreach (var node in NodeCommand.CreateAll())
        {
            root.Subcommands.Add(node);
        }

        return root;
    }
}
