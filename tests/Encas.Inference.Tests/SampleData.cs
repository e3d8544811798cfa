using System.Text.Json;
using Encas.Core.Tests.Support;

namespace Encas.Inference.Tests;

/// <summary>Paths and recorded figures of the shipped Fashion-MNIST sample.</summary>
public static class SampleData
{
    public static string Root => Path.Combine(RepoPaths.Root(), "samples", "fashion-mnist");

    public static string Models => Path.Combine(Root, "models");

    public static string Data => Path.Combine(Root, "data");

    public static string ModelsJson => Path.Combine(Root, "models.json");

    /// <summary>The MACs the training script recorded, by model name.</summary>
    public static IReadOnlyDictionary<string, long> RecordedMacs()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ModelsJson));
        return doc.RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("macs").GetInt64());
    }
}
