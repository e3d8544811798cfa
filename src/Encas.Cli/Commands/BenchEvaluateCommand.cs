using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas bench evaluate POOL</c>: the same genomes through the dense exact evaluator and the fast path, on all
/// cores each, and one JSON object comparing speed and results.
/// </summary>
internal static class BenchEvaluateCommand
{
    public static Command Create()
    {
        var poolDir = new Argument<string>("POOL") { Description = "The pool folder." };
        var count = new Option<int>("--genomes")
        {
            Description = "Genomes to score (a MO-GOMEA-like stream: recent genomes with 1-3 genes changed).",
            DefaultValueFactory = _ => 20_000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the genome stream.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("evaluate",
            "Score the same genomes with the dense exact evaluator and the fast path; print one JSON object. "
            + "The pool is opened without checksum or value validation.")
        {
            poolDir, count, seed,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(count);
            if (n < 1)
            {
                throw new ArgumentException("--genomes must be at least 1");
            }

            using var pool = Pool.Open(parse.GetValue(poolDir)!, verifyChecksums: false, validateOutputs: false);
            var dense = new CascadeEvaluator(pool.Val);
            var genomes = BenchGenomes.Create(new Random(parse.GetValue(seed)), pool.Models, n);
            var fast = FastScorer.Open(pool, dense);
            int threads = Environment.ProcessorCount;

            // Dense: all cores, one genome per work item.
            var expected = new CascadeScore[n];
            var clock = Stopwatch.StartNew();
            dense.EvaluateMany(genomes, expected);
            double denseSeconds = clock.Elapsed.TotalSeconds;

            // Fast: all cores, one contiguous slice of the stream (and one scorer) per core.
            var actual = new CascadeScore[n];
            var scorers = Enumerable.Range(0, threads).Select(_ => fast.CreateScorer()).ToArray();
            clock.Restart();
            Parallel.For(0, threads, t =>
            {
                var scorer = scorers[t];
                for (int i = (int)((long)n * t / threads); i < (int)((long)n * (t + 1) / threads); i++)
                {
                    actual[i] = scorer.Evaluate(Phenotype.FromGenome(genomes[i]));
                }
            });
            double fastSeconds = clock.Elapsed.TotalSeconds;

            int differing = Enumerable.Range(0, n).Count(i => expected[i] != actual[i]);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["genomes"] = n,
                ["dense_per_second"] = Math.Round(n / denseSeconds, 1),
                ["fast_per_second"] = Math.Round(n / fastSeconds, 1),
                ["ratio"] = Math.Round(denseSeconds / fastSeconds, 3),
                ["identical"] = differing == 0,
                ["differing"] = differing,
                ["threads"] = threads,
                ["fast_path"] = fast.Kind,
                ["fallback_rate"] = FallbackRate(scorers),
                ["table_entries"] = scorers.OfType<PrefixTableEvaluator>().Sum(s => s.Computed),
                ["models"] = pool.Models,
                ["samples"] = pool.Val.Samples,
                ["classes"] = pool.Val.Classes,
            }));
            return 0;
        });
        return command;
    }

    // Table entries (prefix-table path) that needed the dense rows, over all entries computed.
    private static double FallbackRate(ICascadeScorer[] scorers)
    {
        var tables = scorers.OfType<PrefixTableEvaluator>().ToList();
        long computed = tables.Sum(s => s.Computed);
        return computed > 0 ? Math.Round((double)tables.Sum(s => s.Fallbacks) / computed, 6) : 0.0;
    }
}
