using System.CommandLine;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas ctl [--host HOST:9110] [--json] [--token T] …</c>: operator commands in the vocabulary of Petabridge's
/// pbm, against a node's management endpoint.
/// </summary>
internal static class CtlCommand
{
    public static Command Create()
    {
        var options = new CtlOptions();
        var command = new Command("ctl", "Operator commands (pbm vocabulary) against a node's management endpoint.");
        options.AddTo(command);
        command.Subcommands.Add(CtlClusterCommands.Create(options));
        foreach (var sub in CtlExperimentCommands.Create(options))
        {
            command.Subcommands.Add(sub);
        }

        command.Subcommands.Add(CtlPrecomputeCommand.Create(options));

        return command;
    }
}
