using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Encas.Gomea.Engine;
using Encas.Gomea.Metrics;

namespace Encas.Cli.Commands;

/// <summary>The result summary of <c>encas bench gomea</c> (one JSON object) and its output files.</summary>
internal sealed record BenchGomeaReport(
    [property: JsonPropertyName("problem")] string Problem,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("evaluations_at_front")] long? EvaluationsAtFront,
    [property: JsonPropertyName("final_evaluations")] long FinalEvaluations,
    [property: JsonPropertyName("archive_size")] int ArchiveSize,
    [property: JsonPropertyName("hypervolume")] double Hypervolume,
    [property: JsonPropertyName("hv_ratio")] double? HvRatio,
    [property: JsonPropertyName("seconds")] double Seconds)
{
    public static BenchGomeaReport Create(
        BenchGomeaSettings s, BenchGomeaProblem problem, GomeaEngine engine, double seconds)
    {
        // Hypervolume over the feasible archive members, reference point (0, 0), raw objectives.
        var feasible = Enumerable.Range(0, engine.Archive.Count)
            .Where(i => engine.Archive.Constraint(i) <= 0)
            .Select(i => (IReadOnlyList<double>)engine.Archive.Objectives(i).ToArray())
            .ToList();
        double hv = Hypervolume2D.Compute(feasible);
        double? ratio = problem.Front is { } front ? hv / Hypervolume2D.Compute(front) : null;
        long? atFront = problem.Recorder is { } recorder ? recorder.CompletedAt : engine.TargetFrontCoveredAt;
        return new BenchGomeaReport(
            s.Problem, s.Length, s.Seed, atFront, engine.Evaluations, engine.Archive.Count, hv, ratio,
            Math.Round(seconds, 4));
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static void WriteStatistics(string path, IReadOnlyList<PopulationStep> steps)
    {
        var text = new StringBuilder();
        text.Append(PopulationStep.Header).Append('\n');
        foreach (PopulationStep step in steps)
        {
            text.Append(step.ToStatisticsLine()).Append('\n');
        }

        WriteAtomically(path, text.ToString());
    }

    public static void WriteArchive(string path, GomeaEngine engine)
    {
        var text = new StringBuilder();
        for (int i = 0; i < engine.Archive.Count; i++)
        {
            IEnumerable<string> values = engine.Archive.Objectives(i).ToArray()
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture))
                .Concat(engine.Archive.Genes(i).ToArray().Select(g => g.ToString(CultureInfo.InvariantCulture)));
            text.Append(string.Join(' ', values)).Append('\n');
        }

        WriteAtomically(path, text.ToString());
    }

    // Temp file in the target folder, then rename: readers never see a half-written file.
    private static void WriteAtomically(string path, string content)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{path}: folder {folder} does not exist");
        }

        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
