using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary>The ENCAS palette of <c>encas ctl</c>: experiments, experiment show/cancel, runs, islands,
/// archive.</summary>
internal static class CtlExperimentCommands
{
    public static IEnumerable<Command> Create(CtlOptions options)
    {
        var experiments = new Command("experiments", "Every experiment the coordinator knows.");
        experiments.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            options.Print(parse, await client.GetJsonAsync("api/experiments", cancel), json =>
            {
                var table = new Table().AddColumns("experiment", "state", "runs done", "evaluations", "pool");
                foreach (var e in json.GetProperty("experiments").EnumerateArray())
                {
                    var runs = e.GetProperty("runs").EnumerateArray().ToList();
                    table.AddRow(Markup.Escape(e.GetProperty("experiment_id").GetString()!),
                        e.GetProperty("state").GetString()!,
                        $"{runs.Count(r => r.GetProperty("state").GetString() == "completed")}/{runs.Count}",
                        Number(runs.Sum(r => r.GetProperty("charged").GetInt64())),
                        Markup.Escape(e.GetProperty("spec").GetProperty("pool_path").GetString()!));
                }

                AnsiConsole.Write(table);
            });
            return 0;
        });
        yield return experiments;

        var experiment = new Command("experiment", "One experiment: show or cancel.");
        experiment.Subcommands.Add(WithId(options, "show", "The experiment's settings and state.", Show));
        var id = new Argument<string>("ID") { Description = "The experiment id." };
        var cancelCommand = new Command("cancel", "Stop the experiment (needs the token).") { id };
        cancelCommand.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            var json = await client.PostAsync<JsonElement>(
                $"api/experiments/{Uri.EscapeDataString(parse.GetValue(id)!)}/cancel", null, cancel);
            options.Print(parse, json, j => Console.Out.WriteLine(
                $"{j.GetProperty("experiment_id").GetString()}: {j.GetProperty("state").GetString()}"));
            return 0;
        });
        experiment.Subcommands.Add(cancelCommand);
        yield return experiment;

        yield return WithId(options, "runs", "Each run: state, epoch, evaluations, archive size, val hypervolume.",
            ShowRuns);
        yield return WithId(options, "islands", "Each island of each run: epoch, evaluations, node.", ShowIslands);
        yield return Archive(options);
    }

    private static Command WithId(CtlOptions options, string name, string description, Action<JsonElement> text)
    {
        var id = new Argument<string>("ID") { Description = "The experiment id." };
        var command = new Command(name, description) { id };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            options.Print(parse, await client.GetJsonAsync(
                $"api/experiments/{Uri.EscapeDataString(parse.GetValue(id)!)}", cancel), text);
            return 0;
        });
        return command;
    }

    private static Command Archive(CtlOptions options)
    {
        var id = new Argument<string>("ID") { Description = "The experiment id." };
        var run = new Argument<int>("RUN") { Description = "The run index." };
        var command = new Command("archive", "A completed run's final elitist archive (CSV).") { id, run };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            var bytes = await client.GetBytesAsync(string.Create(CultureInfo.InvariantCulture,
                $"api/experiments/{Uri.EscapeDataString(parse.GetValue(id)!)}/runs/{parse.GetValue(run)}/archive"),
                cancel);
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            return 0;
        });
        return command;
    }

    private static void Show(JsonElement e)
    {
        var search = e.GetProperty("spec").GetProperty("search");
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("experiment", Markup.Escape(e.GetProperty("experiment_id").GetString()!));
        grid.AddRow("state", e.GetProperty("state").GetString()!);
        grid.AddRow("pool", Markup.Escape(e.GetProperty("spec").GetProperty("pool_path").GetString()!));
        foreach (var p in search.EnumerateObject())
        {
            grid.AddRow(p.Name, Markup.Escape(p.Value.ToString()));
        }

        grid.AddRow("report", Markup.Escape(e.GetProperty("report_dir").ToString()));
        grid.AddRow("error", Markup.Escape(e.GetProperty("error").ToString()));
        AnsiConsole.Write(grid);
    }

    private static void ShowRuns(JsonElement e)
    {
        var table = new Table().AddColumns("run", "state", "epoch", "evaluations", "total", "archive", "val HV");
        foreach (var r in e.GetProperty("runs").EnumerateArray())
        {
            table.AddRow(r.GetProperty("run").ToString(), r.GetProperty("state").GetString()!,
                r.GetProperty("epoch").ToString(), Number(r.GetProperty("charged").GetInt64()),
                Number(r.GetProperty("total").GetInt64()), r.GetProperty("front_size").ToString(),
                r.GetProperty("val_hypervolume").GetDouble().ToString("F5", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowIslands(JsonElement e)
    {
        var table = new Table().AddColumns("run", "island", "epoch", "evaluations", "finished", "node");
        foreach (var r in e.GetProperty("runs").EnumerateArray())
        {
            foreach (var i in r.GetProperty("islands").EnumerateArray())
            {
                table.AddRow(r.GetProperty("run").ToString(), i.GetProperty("island").ToString(),
                    i.GetProperty("epoch").ToString(), Number(i.GetProperty("charged").GetInt64()),
                    i.GetProperty("finished").GetBoolean() ? "yes" : "no",
                    Markup.Escape(i.GetProperty("node").ToString()));
            }
        }

        AnsiConsole.Write(table);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
