using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Encas.Messages;
using Encas.Messages.Serialization;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary><c>encas status --cluster HOST:M [--id ID] [--json]</c>: experiments and their runs on a cluster.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var cluster = new Option<string>("--cluster")
        {
            Description = "The seed's management endpoint HOST:PORT.",
            Required = true,
        };
        var id = new Option<string?>("--id") { Description = "One experiment (default: all)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("status", "Show the experiments of a running cluster.") { cluster, id, json };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = new ManagementClient(parse.GetValue(cluster)!, null);
            string? one = parse.GetValue(id);
            IReadOnlyList<ExperimentStatus> statuses = one is null
                ? (await client.GetAsync<ExperimentList>("api/experiments", cancel)).Experiments
                : [await client.GetAsync<ExperimentStatus>($"api/experiments/{Uri.EscapeDataString(one)}", cancel)];
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(statuses, EncasJson.Options));
                return 0;
            }

            var table = new Table().AddColumns("experiment", "state", "run", "run state", "epoch", "evaluations",
                "archive", "val HV");
            foreach (var status in statuses)
            {
                table.AddRow(Markup.Escape(status.ExperimentId), status.State, "", "", "", "", "", "");
                foreach (var run in status.Runs)
                {
                    table.AddRow("", "", run.Run.ToString(CultureInfo.InvariantCulture), run.State,
                        run.Epoch.ToString(CultureInfo.InvariantCulture),
                        run.Charged.ToString("N0", CultureInfo.InvariantCulture),
                        run.FrontSize.ToString(CultureInfo.InvariantCulture),
                        run.ValHypervolume.ToString("F5", CultureInfo.InvariantCulture));
                }
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
