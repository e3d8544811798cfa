using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Messages;
using Encas.Node;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas search POOL --out DIR</c>: the ten-run ENCAS experiment on the embedded default, a cluster of one
/// inside this process (<see cref="LocalCluster"/>): the same coordinator, journal and island entities as a
/// multi-node cluster, so both give the same fronts.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var search = new SearchOptionSet();
        var source = new PoolSourceOptions();
        var poolPath = new Argument<string>("POOL") { Description = "The pool folder." };
        var output = new Option<string>("--out")
        {
            Description = "Folder for summary.json, fronts and plots.",
            Required = true,
        };
        var parallel = new Option<int>("--parallel") { Description = "Runs at once (0 = all of them)." };
        var force = new Option<bool>("--force") { Description = "Replace DIR if it exists." };
        var command = new Command("search", "Run the ENCAS experiment: R runs of MO-GOMEA over cascades of the pool.")
        {
            poolPath, output,
        };
        search.AddTo(command);
        source.AddTo(command);
        command.Options.Add(parallel);
        command.Options.Add(force);
        command.SetAction(async (parse, cancel) =>
        {
            var settings = search.Settings(parse);
            int runsAtOnce = parse.GetValue(parallel);
            if (runsAtOnce < 0)
            {
                throw new UserInputException($"--parallel: {runsAtOnce} is negative");
            }

            string outDir = Path.GetFullPath(parse.GetValue(output)!);
            bool replace = parse.GetValue(force);
            if (!replace && (Directory.Exists(outDir) || File.Exists(outDir)))
            {
                throw new UserInputException($"{outDir}: already exists (remove it first or pass --force)");
            }

            string pool = Path.GetFullPath(parse.GetValue(poolPath)!);
            var build = source.Build(parse, pool);
            if (File.Exists(Path.Combine(pool, PoolManifest.FileName)))
            {
                // Open (and so validate) the pool here, so that a bad pool fails before any node starts.
                Pool.Open(pool).Dispose();
            }

            var spec = new ExperimentSpec(NewId(), pool, SearchSpec.From(settings), outDir, replace, build);
            var clock = Stopwatch.StartNew();
            var status = await SearchProgressDisplay.ShowAsync(progress =>
                LocalCluster.RunAsync(spec, new RunProgressAdapter(progress, settings.Evaluations), cancel,
                    maxConcurrentRuns: runsAtOnce));
            if (status.State != "completed")
            {
                throw new InvalidOperationException($"experiment {spec.ExperimentId} {status.State}: {status.Error}");
            }

            SearchProgressDisplay.PrintSummary(outDir, clock.Elapsed.TotalSeconds);
            return 0;
        });
        return command;
    }

    private static string NewId() => string.Create(CultureInfo.InvariantCulture,
        $"search-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");

    /// <summary>Turns the coordinator's experiment statuses into the per-run progress the display shows: one report
    /// per run and committed epoch.</summary>
    private sealed class RunProgressAdapter(IProgress<RunProgress> inner, long budget) : IProgress<ExperimentStatus>
    {
        private readonly Dictionary<int, long> _shown = [];

        public void Report(ExperimentStatus value)
        {
            foreach (var run in value.Runs.Where(r => r.Epoch > 0))
            {
                if (_shown.TryGetValue(run.Run, out long epoch) && epoch == run.Epoch)
                {
                    continue;
                }

                _shown[run.Run] = run.Epoch;
                inner.Report(new RunProgress(run.Run, "encas", run.Charged, budget, run.FrontSize, run.ValHypervolume,
                    run.State == "completed" || run.Charged >= budget));
            }
        }
    }
}
