using System.Text.Json;
using Encas.Core.Search;

namespace Encas.Core.Reports;

/// <summary>
/// Writes <c>summary.json</c> (DESIGN §5 contract): <c>reference_point</c>, <c>runs</c> (run, seed, evaluations,
/// hypervolumes, thinned front) and <c>median_run</c>; plus, as extra keys, the settings, the charged and total
/// evaluation counts and the random baseline. Nothing time-dependent goes in, so the same seed gives the same
/// bytes.
/// </summary>
public static class SummaryJson
{
    /// <summary>Serialises an experiment's summary.</summary>
    public static string Write(ExperimentResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var s = result.Settings;
            json.WriteStartObject();
            json.WriteStartArray("reference_point");
            json.WriteNumberValue(s.ReferenceError);
            json.WriteNumberValue(s.ReferenceMflops);
            json.WriteEndArray();
            WriteRuns(json, "runs", result.Runs);
            json.WriteNumber("median_run", result.MedianRun);
            json.WriteStartObject("settings");
            json.WriteNumber("runs", s.Runs);
            json.WriteNumber("evaluations", s.Evaluations);
            json.WriteNumber("seed", s.Seed);
            json.WriteNumber("islands", s.Islands);
            json.WriteNumber("migration_interval", s.MigrationInterval);
            json.WriteNumber("migrants", s.Migrants);
            json.WriteNumber("archive_target", s.ArchiveTarget);
            json.WriteEndObject();
            if (result.Baseline.Count > 0)
            {
                json.WriteStartObject("baseline");
                json.WriteString("kind", "random");
                WriteRuns(json, "runs", result.Baseline);
                json.WriteNumber("median_run", ExperimentResult.Median(result.Baseline));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRuns(Utf8JsonWriter json, string name, IReadOnlyList<RunResult> runs)
    {
        json.WriteStartArray(name);
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteNumber("run", run.Run);
            json.WriteNumber("seed", run.Seed);
            json.WriteNumber("evaluations", run.Evaluations);
            json.WriteNumber("total_evaluations", run.TotalEvaluations);
            json.WriteNumber("val_hypervolume", run.ValHypervolume);
            json.WriteNumber("test_hypervolume", run.TestHypervolume);
            json.WriteStartArray("front");
            foreach (var point in run.Front)
            {
                WritePoint(json, point);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePoint(Utf8JsonWriter json, CascadePoint point)
    {
        json.WriteStartObject();
        json.WriteStartArray("genome");
        foreach (int gene in point.Genome)
        {
            json.WriteNumberValue(gene);
        }

        json.WriteEndArray();
        json.WriteNumber("val_error", point.Val.ErrorPercent);
        json.WriteNumber("val_mflops", point.Val.Mflops);
        json.WriteNumber("test_error", point.Test.ErrorPercent);
        json.WriteNumber("test_mflops", point.Test.Mflops);
        json.WriteEndObject();
    }
}
