using System.Text.Json;
using System.Text.Json.Serialization;

namespace Encas.Core.Pools;

/// <summary>
/// The manifest <c>pool.json</c>: format and version, class count, splits and models in pool order
/// (pool model <c>i</c> is genome gene value <c>i + 1</c>).
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Version">The format version; readers refuse versions they do not know.</param>
/// <param name="Classes">Number of classes (columns of every output file).</param>
/// <param name="Splits">The splits by name (<see cref="PoolSplits"/>).</param>
/// <param name="Models">The models in pool order.</param>
/// <param name="Source">Where the pool came from, for provenance.</param>
public sealed record PoolManifest(
    string Format,
    int Version,
    int Classes,
    IReadOnlyDictionary<string, SplitEntry> Splits,
    IReadOnlyList<ModelEntry> Models,
    string Source)
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "encas-pool";

    /// <summary>The version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The manifest's file name inside the pool folder.</summary>
    public const string FileName = "pool.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises the manifest as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Parses a manifest; <paramref name="file"/> names it in errors.</summary>
    public static PoolManifest Parse(string json, string file)
    {
        PoolManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PoolManifest>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: not a valid pool manifest ({ex.Message})", ex);
        }

        if (manifest is null || manifest.Format != FormatName)
        {
            throw new InvalidDataException($"{file}: not an ENCAS pool manifest (format is not '{FormatName}')");
        }

        if (manifest.Version != CurrentVersion)
        {
            throw new InvalidDataException(
                $"{file}: pool format version {manifest.Version}; this encas reads version {CurrentVersion}");
        }

        return manifest;
    }
}
