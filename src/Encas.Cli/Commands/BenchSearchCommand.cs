using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Sparse;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas bench search POOL</c>: one ENCAS run (one island, the plain MO-GOMEA) timed, with its peak memory and
/// validation hypervolume, as one JSON object.
/// </summary>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var poolDir = new Argument<string>("POOL") { Description = "The pool folder." };
        var evaluations = new Option<long>("--evaluations")
        {
            Description = "Charged evaluations.",
            DefaultValueFactory = _ => 600_000,
        };
        var seed = new Option<long>("--seed") { Description = "Run seed.", DefaultValueFactory = _ => 1723 };
        var evaluator = new Option<string>("--evaluator")
        {
            Description = "fast (default) | dense: both give identical runs; dense is the reference.",
            DefaultValueFactory = _ => "fast",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads one evaluation may use over blocks of samples (sparse path; default: all cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var budget = new Option<long>("--table-budget-mb")
        {
            Description = "Memory for the fast path's per-model-tuple tables, in MiB.",
            DefaultValueFactory = _ => FastScorer.DefaultBudgetBytes >> 20,
        };
        var command = new Command("search",
            "Time one search run on a pool; print one JSON object. The pool is opened without checksum or value "
            + "validation.")
        {
            poolDir, evaluations, seed, evaluator, threads, budget,
        };
        command.SetAction(parse =>
        {
            string kind = parse.GetValue(evaluator)!;
            if (kind is not ("fast" or "dense"))
            {
                throw new ArgumentException($"--evaluator must be fast or dense, not '{kind}'");
            }

            var settings = new SearchSettings
            {
                Runs = 1, Evaluations = parse.GetValue(evaluations), Seed = parse.GetValue(seed), Islands = 1,
            };
            settings.Validate();

            // Setup: open the pool and build the per-model tables (timed apart from the search).
            var clock = Stopwatch.StartNew();
            using var pool = Pool.Open(parse.GetValue(poolDir)!, verifyChecksums: false, validateOutputs: false);
            long budgetBytes = Math.Max(0, parse.GetValue(budget)) << 20;
            var fast = kind == "dense" ? FastScorer.Open(pool, new CascadeEvaluator(pool.Val))
                : FastScorer.OpenSparseFirst(pool, PoolSplits.Val, budgetBytes: budgetBytes);
            var scorer = kind == "dense" ? fast.Dense : fast.CreateScorer();
            using var tables = scorer as PrefixTableEvaluator;
            if (tables is not null)
            {
                tables.Parallelism = Math.Max(1, parse.GetValue(threads));
            }

            double setup = clock.Elapsed.TotalSeconds;

            // The run itself.
            clock.Restart();
            var run = new IslandRun(_ => scorer, settings, run: 0);
            while (run.RunEpoch())
            {
            }

            double seconds = clock.Elapsed.TotalSeconds;
            var archive = run.Archive();
            var front = ParetoFront.Thin(ParetoFront.Strict(archive, a => a.Val)
                .Select(a => new CascadePoint(a.Genome, a.Val, a.Val)).ToList());
            double hypervolume = NormalisedHypervolume.Compute(front.Select(p => p.Val), settings.ReferenceError,
                settings.ReferenceMflops);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["evaluations"] = run.Charged,
                ["seconds"] = Math.Round(seconds, 3),
                ["peak_memory_bytes"] = Process.GetCurrentProcess().PeakWorkingSet64,
                ["val_hypervolume"] = hypervolume,
                ["requested_evaluations"] = run.Total,
                ["setup_seconds"] = Math.Round(setup, 3),
                ["evaluator"] = kind == "dense" ? kind : fast.Kind,
                ["fallback_rate"] = tables is { Computed: > 0 }
                    ? Math.Round((double)tables.Fallbacks / tables.Computed, 6) : 0.0,
                ["table_entries"] = tables?.Computed ?? 0,
                ["table_hits"] = tables?.TableHits ?? 0,
                ["table_misses"] = tables?.TableMisses ?? 0,
                ["table_bytes"] = tables?.TableBytes ?? 0,
                ["threads"] = tables?.Parallelism ?? 1,
                ["archive"] = archive.Count,
                ["models"] = pool.Models,
                ["samples"] = pool.Val.Samples,
                ["classes"] = pool.Val.Classes,
            }));
            return 0;
        });
        return command;
    }
}
