using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary><c>encas ctl precompute ID</c>: a pool build's progress per model (state, node, split progress), from
/// the node that drives it.</summary>
internal static class CtlPrecomputeCommand
{
    public static Command Create(CtlOptions options)
    {
        var id = new Argument<string>("ID") { Description = "The pool build id (printed by pool build --cluster)." };
        var command = new Command("precompute", "A pool build's progress per model: state, node, split progress.")
        {
            id,
        };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            var json = await client.GetJsonAsync($"api/pool-builds/{Uri.EscapeDataString(parse.GetValue(id)!)}",
                cancel);
            options.Print(parse, json, Show);
            return 0;
        });
        return command;
    }

    private static void Show(JsonElement build)
    {
        AnsiConsole.WriteLine($"pool build {build.GetProperty("id").GetString()}: {build.GetProperty("state")
            .GetString()} → {build.GetProperty("out").GetString()}");
        var table = new Table().AddColumns("#", "model", "state", "node", "progress");
        foreach (var m in build.GetProperty("models").EnumerateArray())
        {
            string? split = m.GetProperty("split").GetString();
            string progress = split is null ? "" : string.Create(CultureInfo.InvariantCulture,
                $"{split} {m.GetProperty("done").GetInt32()}/{m.GetProperty("total").GetInt32()}");
            table.AddRow(m.GetProperty("index").ToString(), Markup.Escape(m.GetProperty("name").GetString()!),
                m.GetProperty("state").GetString()!, Markup.Escape(m.GetProperty("node").GetString() ?? ""),
                Markup.Escape(progress));
        }

        AnsiConsole.Write(table);
        foreach (var f in build.GetProperty("failures").EnumerateArray())
        {
            AnsiConsole.WriteLine($"FAILED {f.GetProperty("name").GetString()}: {f.GetProperty("reason").GetString()}");
        }

        if (build.GetProperty("error").GetString() is { } error)
        {
            AnsiConsole.WriteLine($"error: {error}");
        }
    }
}
