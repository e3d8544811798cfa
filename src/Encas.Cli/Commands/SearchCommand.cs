using System.CommandLine;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Reports;

namespace Encas.Cli.Commands;

/// <summary><c>encas search POOL --out DIR</c>: the ten-run ENCAS experiment, in process.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var search = new SearchOptionSet();
        var poolPath = new Argument<string>("POOL") { Description = "The pool folder." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for summary.json, fronts and plots.",
            Required = true,
        };
        var parallel = new Option<int>("--parallel") { Description = "Runs at once (0 = one per core)." };
        var force = new Option<bool>("--force") { Description = "Replace DIR if it exists." };
        var command = new Command("search", "Run the ENCAS experiment: R runs of MO-GOMEA over cascades of the pool.")
        {
            poolPath, output,
        };
        search.AddTo(command);
        command.Options.Add(parallel);
        command.Options.Add(force);
        command.SetAction(async (parse, cancel) =>
        {
            var settings = search.Settings(parse, parse.GetValue(parallel));
            string outDir = parse.GetValue(output)!;
            bool replace = parse.GetValue(force);
            if (!replace && (Directory.Exists(outDir) || File.Exists(outDir)))
            {
                throw new UserInputException($"{outDir}: already exists (remove it first or pass --force)");
            }

            using var pool = Pool.Open(parse.GetValue(poolPath)!);
            var result = await SearchProgressDisplay.RunAsync(pool, settings, cancel);
            var names = pool.Manifest.Models.Select(m => m.Name).ToList();
            ExperimentReport.Write(result, names, outDir, replace);
            SearchProgressDisplay.PrintSummary(result, outDir);
            return 0;
        });
        return command;
    }
}
