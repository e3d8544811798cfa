using System.CommandLine;

namespace Encas.Cli.Commands;

/// <summary>The <c>encas bench</c> group: measurements of the optimiser and the evaluator.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: the optimiser on benchmark problems, the cascade evaluator.")
        {
            BenchGomeaCommand.Create(),
            BenchMakePoolCommand.Create(),
            BenchEvaluateCommand.Create(),
            BenchSearchCommand.Create(),
            BenchSparsifyCommand.Create(),
        };
        return bench;
    }
}
