using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using Encas.Core.IO;
using Encas.Messages;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas submit POOL --cluster HOST:M --out DIR [search options] [--wait]</c>: sends the experiment to a
/// running cluster through the seed's management port; with <c>--wait</c>, follows it and downloads the report
/// (the same files <c>encas search</c> writes) into DIR.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var search = new SearchOptionSet();
        var source = new PoolSourceOptions();
        var poolPath = new Argument<string>("POOL")
        {
            Description = "The pool folder; the cluster's nodes must be able to read this path.",
        };
        var cluster = new Option<string>("--cluster")
        {
            Description = "The seed's management endpoint HOST:PORT.",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "Folder for the report.", Required = true };
        var id = new Option<string?>("--id") { Description = "Experiment id (default: generated)." };
        var wait = new Option<bool>("--wait") { Description = "Follow the experiment and download its report." };
        var force = new Option<bool>("--force") { Description = "Replace DIR if it exists." };
        var token = new Option<string?>("--token")
        {
            Description = "Bearer token, if the endpoint has one [ENCAS_MANAGEMENT_TOKEN].",
        };
        var command = new Command("submit", "Run an experiment on a running cluster.") { poolPath, cluster, output };
        search.AddTo(command);
        source.AddTo(command);
        foreach (Option option in new Option[] { id, wait, force, token })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            var settings = search.Settings(parse);
            string outDir = parse.GetValue(output)!;
            bool replace = parse.GetValue(force);
            if (!replace && (Directory.Exists(outDir) || File.Exists(outDir)))
            {
                throw new UserInputException($"{outDir}: already exists (remove it first or pass --force)");
            }

            string pool = Path.GetFullPath(parse.GetValue(poolPath)!);
            var build = source.Build(parse, pool);

            string experiment = parse.GetValue(id) ?? NewId();
            using var client = new ManagementClient(parse.GetValue(cluster)!,
                parse.GetValue(token) ?? Environment.GetEnvironmentVariable("ENCAS_MANAGEMENT_TOKEN"));
            var spec = new ExperimentSpec(experiment, pool, SearchSpec.From(settings), null, false, build);
            var accepted = await client.PostAsync<ExperimentAccepted>("api/experiments", spec, cancel);
            string again = accepted.AlreadyKnown ? " (already known)" : "";
            Console.Out.WriteLine($"submitted {accepted.ExperimentId}{again}");
            if (!parse.GetValue(wait))
            {
                return 0;
            }

            var status = await Follow(client, experiment, cancel);
            if (status.State != "completed")
            {
                Console.Error.WriteLine($"error: experiment {experiment} {status.State}: {status.Error}");
                return 1;
            }

            await Download(client, experiment, outDir, replace, cancel);
            Console.Out.WriteLine($"report: {Path.GetFullPath(Path.Combine(outDir, "summary.json"))}");
            return 0;
        });
        return command;
    }

    /// <summary>Polls the experiment until it ends, printing a line whenever a run moves on.</summary>
    public static async Task<ExperimentStatus> Follow(ManagementClient client, string id, CancellationToken cancel)
    {
        var shown = new Dictionary<int, long>();
        while (true)
        {
            var status = await client.GetAsync<ExperimentStatus>($"api/experiments/{Uri.EscapeDataString(id)}", cancel);
            foreach (var run in status.Runs)
            {
                if (!shown.TryGetValue(run.Run, out long epoch) || epoch != run.Epoch)
                {
                    shown[run.Run] = run.Epoch;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {run.Run}: {run.State}, epoch {run.Epoch}, "
                        + $"{run.Charged}/{status.Spec.Search.Evaluations} "
                        + $"evaluations, archive {run.FrontSize}, val HV {run.ValHypervolume:F5}"));
                }
            }

            if (status.State is "completed" or "failed" or "cancelled")
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }
    }

    private static async Task Download(ManagementClient client, string id, string outDir, bool replace,
        CancellationToken cancel)
    {
        var zip = await client.GetBytesAsync($"api/experiments/{Uri.EscapeDataString(id)}/report", cancel);
        using var staged = new StagedDirectory(outDir, replace);
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            archive.ExtractToDirectory(staged.Path);
        }

        staged.Publish();
    }

    private static string NewId() => string.Create(CultureInfo.InvariantCulture,
        $"exp-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}");
}
