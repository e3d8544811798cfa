using Encas.Core.IO;
using Encas.Core.Reports;
using Encas.Core.Search;

namespace Encas.Reports;

/// <summary>
/// Writes an experiment's folder: <c>summary.json</c>, <c>timing.json</c>, per-run fronts, Pareto fronts,
/// archives and hypervolume traces as CSV, the union front, the pool's models, and the plots. The folder is built
/// under a staging name and published with one rename, so an interrupted write leaves nothing half-made.
/// </summary>
public static class ExperimentReport
{
    /// <summary>The files every report holds, relative to its folder.</summary>
    public static IReadOnlyList<string> MainFiles { get; } =
        ["summary.json", "front.png", "front-log.png", "hypervolume.png", "union-front.csv", "pool-models.csv"];

    /// <summary>Writes the report folder <paramref name="folder"/>.</summary>
    public static void Write(ExperimentResult result, IReadOnlyList<string> modelNames, string folder, bool replace)
    {
        using var stage = new StagedDirectory(folder, replace);
        string Path(params string[] parts) => System.IO.Path.Combine([stage.Path, .. parts]);
        AtomicFile.WriteAllText(Path("summary.json"), SummaryJson.Write(result));
        AtomicFile.WriteAllText(Path("timing.json"),
            $"{{ \"seconds\": {result.Seconds.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}, "
            + $"\"charged_evaluations\": {result.Runs.Sum(r => r.Evaluations)}, "
            + $"\"total_evaluations\": {result.Runs.Sum(r => r.TotalEvaluations)} }}\n");
        WriteRuns(result.Runs, Path("runs"), modelNames);
        WriteRuns(result.Baseline, Path("baseline"), modelNames);
        AtomicFile.WriteAllText(Path("union-front.csv"), FrontCsv.Points(result.UnionFront(), modelNames));
        AtomicFile.WriteAllText(Path("pool-models.csv"), FrontCsv.Points(result.PoolModels, modelNames));
        ExperimentPlots.Front(result, Path("front.png"), logCompute: false);
        ExperimentPlots.Front(result, Path("front-log.png"), logCompute: true);
        ExperimentPlots.Hypervolume(result, Path("hypervolume.png"));
        stage.Publish();
    }

    private static void WriteRuns(IReadOnlyList<RunResult> runs, string folder, IReadOnlyList<string> names)
    {
        foreach (var run in runs)
        {
            string dir = System.IO.Path.Combine(folder, $"run-{run.Run:D2}");
            AtomicFile.WriteAllText(System.IO.Path.Combine(dir, "front.csv"), FrontCsv.Points(run.Front, names));
            AtomicFile.WriteAllText(System.IO.Path.Combine(dir, "pareto.csv"), FrontCsv.Points(run.ParetoFront, names));
            AtomicFile.WriteAllText(System.IO.Path.Combine(dir, "archive.csv"), FrontCsv.Archive(run.Archive));
            AtomicFile.WriteAllText(System.IO.Path.Combine(dir, "hypervolume.csv"), FrontCsv.Trace(run.Trace));
        }
    }
}
