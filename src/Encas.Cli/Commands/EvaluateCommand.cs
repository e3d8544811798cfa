using System.CommandLine;

namespace Encas.Cli.Commands;

/// <summary>The <c>encas evaluate</c> command: score cascades on both splits of a pool.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var evaluate = new Command("evaluate", "Evaluate cascade genomes on a pool.");
        return evaluate;
    }
}
