using System.CommandLine;
using System.Globalization;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Reports;

namespace Encas.Cli.Commands;

/// <summary><c>encas search POOL --out DIR</c>: the ten-run ENCAS experiment, in process.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var defaults = new SearchSettings();
        var poolPath = new Argument<string>("POOL") { Description = "The pool folder." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for summary.json, fronts and plots.",
            Required = true,
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Independent runs.",
            DefaultValueFactory = _ => defaults.Runs,
        };
        var evaluations = new Option<long>("--evaluations")
        {
            Description = "Charged evaluations per run (cache hits are free).",
            DefaultValueFactory = _ => defaults.Evaluations,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Base seed; run r uses seed + r.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var islands = new Option<int>("--islands")
        {
            Description = "Islands per run.",
            DefaultValueFactory = _ => defaults.Islands,
        };
        var interval = new Option<long>("--migration-interval")
        {
            Description = "Charged evaluations per island between migrations (an epoch).",
            DefaultValueFactory = _ => defaults.MigrationInterval,
        };
        var migrants = new Option<int>("--migrants")
        {
            Description = "Elites each island sends to its ring neighbour per epoch.",
            DefaultValueFactory = _ => defaults.Migrants,
        };
        var reference = new Option<string>("--reference-point")
        {
            Description = "Hypervolume reference point ERROR,MFLOPS.",
            DefaultValueFactory = _ => "40,4000",
        };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Baseline run beside ENCAS with the same budget: none or random.",
            DefaultValueFactory = _ => "none",
        };
        baseline.AcceptOnlyFromAmong("none", "random");
        var parallel = new Option<int>("--parallel") { Description = "Runs at once (0 = one per core)." };
        var force = new Option<bool>("--force") { Description = "Replace DIR if it exists." };
        var command = new Command("search", "Run the ENCAS experiment: R runs of MO-GOMEA over cascades of the pool.")
        {
            poolPath, output, runs, evaluations, seed, islands, interval, migrants, reference, baseline, parallel,
            force,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var (refError, refMflops) = ParseReference(parse.GetValue(reference)!);
            var settings = new SearchSettings
            {
                Runs = parse.GetValue(runs),
                Evaluations = parse.GetValue(evaluations),
                Seed = parse.GetValue(seed),
                Islands = parse.GetValue(islands),
                MigrationInterval = parse.GetValue(interval),
                Migrants = parse.GetValue(migrants),
                ReferenceError = refError,
                ReferenceMflops = refMflops,
                RandomBaseline = parse.GetValue(baseline) == "random",
                Parallelism = parse.GetValue(parallel),
            };
            settings.Validate();
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

    private static (double Error, double Mflops) ParseReference(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double error)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double mflops))
        {
            return (error, mflops);
        }

        throw new UserInputException($"--reference-point: '{text}' is not ERROR,MFLOPS (e.g. 40,4000)");
    }
}
