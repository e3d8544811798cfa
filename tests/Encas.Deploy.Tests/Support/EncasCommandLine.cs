using Encas.Cli;

namespace Encas.Deploy.Tests.Support;

/// <summary>Parses argument lists against the real <c>encas</c> command tree.</summary>
public static class EncasCommandLine
{
    /// <summary>The parse errors of <c>encas ARGS</c>: none when the verb exists and takes each option.</summary>
    public static IReadOnlyList<string> Errors(IReadOnlyList<string> args) =>
        EncasCommands.CreateRoot().Parse(args.ToArray()).Errors.Select(e => e.Message).ToList();

    /// <summary>The verb path of <c>encas ARGS</c>, e.g. "ctl cluster show".</summary>
    public static string Verb(IReadOnlyList<string> args)
    {
        var result = EncasCommands.CreateRoot().Parse(args.ToArray()).CommandResult;
        var names = new List<string>();
        for (var c = result; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(c.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names.Skip(1));
    }
}
