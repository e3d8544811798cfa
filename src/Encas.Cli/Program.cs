using System.CommandLine;
using Encas.Cli;
using Encas.Cli.Commands;

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

return await CliRunner.RunAsync(root, args);
