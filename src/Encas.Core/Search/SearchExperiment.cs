using System.Diagnostics;
using Encas.Core.Cascades;
using Encas.Core.Pools;

namespace Encas.Core.Search;

/// <summary>
/// The ten-run protocol on one pool: runs r = 0 … R−1 with seed + r, independent, spread over cores with results
/// identical to a sequential run; each run finished by <see cref="RunFinisher"/>; the median run by test
/// hypervolume; optionally the random-search baseline with the same budget and seeds.
/// </summary>
public static class SearchExperiment
{
    /// <summary>Runs the experiment. Cancellation is checked between epochs and throws.</summary>
    public static ExperimentResult Run(Pool pool, SearchSettings settings, IProgress<RunProgress>? progress = null,
        CancellationToken cancel = default)
    {
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var val = new CascadeEvaluator(pool.Val);
        var test = new CascadeEvaluator(pool.Test);
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.Parallelism > 0 ? settings.Parallelism : Environment.ProcessorCount,
            CancellationToken = cancel,
        };
        var runs = new RunResult[settings.Runs];
        Parallel.For(0, settings.Runs, options, r => runs[r] = RunOne(val, test, settings, r, progress, cancel));
        var baseline = new RunResult[settings.RandomBaseline ? settings.Runs : 0];
        Parallel.For(0, baseline.Length, options, r => baseline[r] = RunRandom(val, test, settings, r, progress,
            cancel));
        return new ExperimentResult(settings, runs, ExperimentResult.Median(runs), baseline,
            PoolModels(pool.Models, val, test), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Each pool model alone, as a cascade of one, scored on both splits, in pool order.</summary>
    public static IReadOnlyList<CascadePoint> PoolModels(int models, ICascadeScorer val, CascadeEvaluator test)
    {
        ArgumentNullException.ThrowIfNull(val);
        ArgumentNullException.ThrowIfNull(test);
        return Enumerable.Range(1, models)
            .Select(g => new[] { g, 0, 0, 0, 0, 0, 0, 0, 0 })
            .Select(g => new CascadePoint(g, val.Evaluate(Phenotype.FromGenome(g)),
                test.Evaluate(Phenotype.FromGenome(g))))
            .ToList();
    }

    private static RunResult RunOne(CascadeEvaluator val, CascadeEvaluator test, SearchSettings settings, int r,
        IProgress<RunProgress>? progress, CancellationToken cancel)
    {
        var run = new IslandRun(val, settings, r);
        bool going = true;
        while (going)
        {
            cancel.ThrowIfCancellationRequested();
            going = run.RunEpoch();
            var last = run.Trace[^1];
            progress?.Report(new RunProgress(r, "encas", run.Charged, settings.Evaluations, last.FrontSize,
                last.ValHypervolume, !going));
        }

        return RunFinisher.Finish(r, run.Seed, run.Charged, run.Total, run.Archive(), test, settings, run.Trace);
    }

    /// <summary>
    /// Run <paramref name="r"/> of the random-search baseline with the experiment's budget and seed, finished by
    /// <see cref="RunFinisher"/>. Cancellation is checked between chunks and throws.
    /// </summary>
    public static RunResult RunRandom(ICascadeScorer val, CascadeEvaluator test, SearchSettings settings, int r,
        IProgress<RunProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var search = new RandomSearch(val, settings, r);
        bool going = true;
        while (going)
        {
            cancel.ThrowIfCancellationRequested();
            going = search.RunChunk();
            var last = search.Trace[^1];
            progress?.Report(new RunProgress(r, "random", search.Evaluations, settings.Evaluations, last.FrontSize,
                last.ValHypervolume, !going));
        }

        return RunFinisher.Finish(r, search.Seed, search.Evaluations, search.Evaluations, search.Archive, test,
            settings, search.Trace);
    }
}
