using System.Text.Json;
using Encas.Inference.Compute;
using Encas.Inference.Runtime;

namespace Encas.Inference.Building;

/// <summary>
/// The models of a models folder in pool order (ascending MFLOPs, ties by name), with the overrides of
/// <c>models.json</c>: a list of objects with <c>name</c>, or an object keyed by name; per model an optional
/// <c>macs</c> (integer) or <c>mflops</c> (number) that replaces the count from the graph, and an optional
/// <c>output</c>, <c>"logits"</c> or <c>"probabilities"</c>. Other keys are ignored.
/// </summary>
public static class ModelCatalog
{
    private sealed record Override(long? Macs, double? Mflops, OutputKind? Output);

    /// <summary>Lists and orders the models; a model whose compute cannot be counted is a failure, not an error.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder holds no .onnx file, or models.json is malformed.
    /// </exception>
    public static (IReadOnlyList<ModelSpec> Models, IReadOnlyList<ModelFailure> Failures) Read(string folder,
        string? modelsJson)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such models folder");
        }

        var files = Directory.GetFiles(folder, "*.onnx").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{folder}: no .onnx model files");
        }

        string? json = modelsJson ?? (File.Exists(Path.Combine(folder, "models.json"))
            ? Path.Combine(folder, "models.json") : null);
        var overrides = json is null ? [] : ReadOverrides(json);
        var models = new List<ModelSpec>();
        var failures = new List<ModelFailure>();
        foreach (string file in files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            var given = overrides.GetValueOrDefault(name);
            try
            {
                models.Add(Spec(name, file, given));
            }
            catch (InvalidDataException ex)
            {
                failures.Add(new ModelFailure(name, ex.Message));
            }
        }

        return ([.. models.OrderBy(m => m.Mflops).ThenBy(m => m.Name, StringComparer.Ordinal)], failures);
    }

    private static ModelSpec Spec(string name, string file, Override? given)
    {
        if (given?.Mflops is { } mflops)
        {
            return new ModelSpec(name, file, mflops, given.Macs, "models.json", given.Output);
        }

        if (given?.Macs is { } macs)
        {
            return new ModelSpec(name, file, macs / 1e6, macs, "models.json", given.Output);
        }

        long counted = MacCounter.Count(file);
        return new ModelSpec(name, file, counted / 1e6, counted, "graph", given?.Output);
    }

    private static Dictionary<string, Override> ReadOverrides(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such models.json", path);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var entries = root.ValueKind switch
            {
                JsonValueKind.Array => root.EnumerateArray()
                    .Select(e => (Name: e.TryGetProperty("name", out var n) ? n.GetString() : null, Entry: e)),
                JsonValueKind.Object => root.EnumerateObject().Select(p => (Name: (string?)p.Name, Entry: p.Value)),
                _ => throw new InvalidDataException($"{path}: expected a list of models or an object keyed by name"),
            };
            var result = new Dictionary<string, Override>();
            foreach (var (name, entry) in entries)
            {
                if (name is null || entry.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{path}: every model entry needs a \"name\" and must be an object");
                }

                result[name] = Parse(entry, name, path);
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not valid models.json ({ex.Message})", ex);
        }
    }

    private static Override Parse(JsonElement entry, string name, string path)
    {
        long? macs = entry.TryGetProperty("macs", out var m) && m.ValueKind != JsonValueKind.Null ? m.GetInt64() : null;
        double? mflops = entry.TryGetProperty("mflops", out var f) && f.ValueKind != JsonValueKind.Null
            ? f.GetDouble() : null;
        OutputKind? output = null;
        if (entry.TryGetProperty("output", out var o) && o.ValueKind != JsonValueKind.Null)
        {
            output = o.GetString() switch
            {
                "logits" => OutputKind.Logits,
                "probabilities" => OutputKind.Probabilities,
                var other => throw new InvalidDataException(
                    $"{path}: model '{name}': output is '{other}', expected \"logits\" or \"probabilities\""),
            };
        }

        if (macs < 0 || mflops < 0 || (mflops is { } v && !double.IsFinite(v)))
        {
            throw new InvalidDataException($"{path}: model '{name}': negative or non-finite macs/mflops");
        }

        return new Override(macs, mflops, output);
    }
}
