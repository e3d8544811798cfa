using System.Text.Json;
using Encas.Core.IO;
using Encas.Core.Pools;

namespace Encas.Inference.Building;

/// <summary>
/// The last step of every pool build once all models are stored in the staging folder: the label files, the
/// build record (<see cref="PoolBuilder.BuildRecordFile"/>) and the manifest, written atomically, the manifest last.
/// </summary>
public static class PoolFinisher
{
    private static readonly JsonSerializerOptions RecordJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Writes labels, build record and manifest into <paramref name="stagePath"/>.</summary>
    /// <param name="stagePath">The staging folder holding every model's output files.</param>
    /// <param name="labels">The labels of each split, by split name.</param>
    /// <param name="classes">Classes of every model.</param>
    /// <param name="entries">The models' manifest entries, in pool order.</param>
    /// <param name="records">How each model was run, in pool order.</param>
    /// <param name="models">The models folder (provenance).</param>
    /// <param name="data">The data folder (provenance).</param>
    /// <returns>The manifest written.</returns>
    public static PoolManifest Write(string stagePath, IReadOnlyDictionary<string, int[]> labels, int classes,
        IReadOnlyList<ModelEntry> entries, IReadOnlyList<ModelBuildRecord> records, string models, string data)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var splitEntries = PoolSplits.All.ToDictionary(s => s,
            s => new SplitEntry(labels[s].Length, PoolBinaryFile.WriteLabels(stagePath, $"labels/{s}.i32", labels[s])));
        var manifest = new PoolManifest(PoolManifest.FormatName, PoolManifest.CurrentVersion, classes, splitEntries,
            entries, $"encas pool build --models {Path.GetFullPath(models)} --data {Path.GetFullPath(data)}");
        AtomicFile.WriteAllText(Path.Combine(stagePath, PoolBuilder.BuildRecordFile),
            JsonSerializer.Serialize(records, RecordJson));
        AtomicFile.WriteAllText(Path.Combine(stagePath, PoolManifest.FileName), manifest.ToJson());
        return manifest;
    }
}
