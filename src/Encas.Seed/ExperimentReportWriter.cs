using System.Security.Cryptography;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Messages;
using Encas.Reports;

namespace Encas.Seed;

/// <summary>
/// Turns an experiment whose runs are all complete into its report folder, exactly as <c>encas search</c> would:
/// each run's islands restored from their final snapshot files, their archives united in island order and
/// finished by <see cref="RunFinisher"/>; the random baseline and the pool models alone as
/// <see cref="SearchExperiment"/> computes them; the median run; <see cref="ExperimentReport.Write"/>.
/// </summary>
/// <remarks>Pure and blocking (it reads the pool and writes files): call it off the actor thread.</remarks>
public static class ExperimentReportWriter
{
    /// <summary>Writes the report and returns its folder.</summary>
    /// <param name="spec">What was submitted.</param>
    /// <param name="workDir">The experiment's work folder (by default the report goes to its <c>report</c>).</param>
    /// <param name="finals">Each run's last committed epoch, by run index; every one finished.</param>
    /// <param name="traces">Each run's trace, by run index, one point per committed epoch.</param>
    /// <param name="seconds">Wall time to report in <c>timing.json</c>.</param>
    /// <exception cref="InvalidDataException">A run is not complete, or a snapshot is not its run's end or does
    /// not match its checksum.</exception>
    public static string Write(ExperimentSpec spec, string workDir, IReadOnlyList<RunEpochCompleted> finals,
        IReadOnlyList<IReadOnlyList<TracePoint>> traces, double seconds)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(finals);
        ArgumentNullException.ThrowIfNull(traces);
        var settings = spec.Search.ToSettings();
        if (finals.Count != settings.Runs || traces.Count != settings.Runs || finals.Any(f => !f.Finished))
        {
            throw new InvalidDataException(
                $"{spec.ExperimentId}: not every one of its {settings.Runs} runs is complete");
        }

        using var pool = Pool.Open(spec.PoolPath);
        // Validation scores come from the sparse sidecar when the pool has one (bit-identical, and it spares a scan
        // of the dense outputs); the test split is scored once per front member and pool model, densely.
        var fast = FastScorer.OpenSparseFirst(pool, PoolSplits.Val);
        ICascadeScorer val = fast.Sparse ?? (ICascadeScorer)fast.Dense;
        var test = new CascadeEvaluator(pool.Test);
        // Runs and baseline runs are independent of each other, so they are finished across cores.
        var runs = new RunResult[settings.Runs];
        Parallel.For(0, runs.Length, r => runs[r] = FinishRun(val, test, settings, r, finals[r], traces[r]));
        var baseline = new RunResult[settings.RandomBaseline ? settings.Runs : 0];
        Parallel.For(0, baseline.Length, r => baseline[r] = SearchExperiment.RunRandom(val, test, settings, r));
        var result = new ExperimentResult(settings, runs, ExperimentResult.Median(runs), baseline,
            SearchExperiment.PoolModels(pool.Models, val, test), seconds);
        string folder = spec.OutDir ?? Path.Combine(workDir, "report");
        ExperimentReport.Write(result, pool.Manifest.Models.Select(m => m.Name).ToList(), folder, spec.Replace);
        return Path.GetFullPath(folder);
    }

    /// <summary>The bytes of a snapshot file, checked against its recorded SHA-256.</summary>
    /// <exception cref="InvalidDataException">The file does not match its checksum.</exception>
    public static byte[] ReadSnapshot(SnapshotRef snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        byte[] bytes = File.ReadAllBytes(snapshot.Path);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, snapshot.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{snapshot.Path}: checksum mismatch (sha256 {actual}, recorded "
                + $"{snapshot.Sha256}); the snapshot changed since it was written");
        }

        return bytes;
    }

    private static RunResult FinishRun(ICascadeScorer val, CascadeEvaluator test, SearchSettings settings, int run,
        RunEpochCompleted final, IReadOnlyList<TracePoint> trace)
    {
        var workers = Enumerable.Range(0, settings.Islands).Select(i =>
        {
            var worker = new IslandWorker(val, settings, run, i);
            worker.Restore(ReadSnapshot(final.Snapshots[i]));
            if (worker.Epoch != final.Epoch)
            {
                throw new InvalidDataException($"{final.Snapshots[i].Path}: ends epoch {worker.Epoch}, not the run's "
                    + $"last epoch {final.Epoch}");
            }

            return worker;
        }).ToList();
        var archive = IslandArchives.Union(workers.Select(w => w.Archive()));
        return RunFinisher.Finish(run, settings.Seed + run, workers.Sum(w => w.Charged), workers.Sum(w => w.Total),
            archive, test, settings, trace);
    }
}
