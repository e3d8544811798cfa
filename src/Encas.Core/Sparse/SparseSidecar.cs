using System.Text.Json;
using System.Text.Json.Serialization;
using Encas.Core.Pools;

namespace Encas.Core.Sparse;

/// <summary>
/// The sidecar manifest <c>sparse/sparse.json</c> next to a pool: the top-k size, the SHA-256 of the
/// <c>pool.json</c> it was built from (a rebuilt pool invalidates it), and one checksummed
/// <see cref="SparseRowsFile"/> per split and model. The pool's own manifest is untouched: pools without a
/// sidecar read as before.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="Version">Always 1.</param>
/// <param name="K">Entries kept per sample.</param>
/// <param name="PoolManifestSha256">SHA-256 of the pool's pool.json.</param>
/// <param name="Files">Per split, the file of each model in pool order.</param>
public sealed record SparseSidecar(
    string Format,
    int Version,
    int K,
    string PoolManifestSha256,
    IReadOnlyDictionary<string, IReadOnlyList<StoredFile>> Files)
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "encas-sparse-outputs";

    /// <summary>The sidecar's path relative to the pool folder.</summary>
    public const string RelativePath = "sparse/sparse.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises the sidecar.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads the sidecar of <paramref name="poolDir"/>, or null when the pool has none.</summary>
    /// <exception cref="InvalidDataException">When it is malformed or was built for another pool.json.</exception>
    public static SparseSidecar? TryRead(string poolDir)
    {
        string path = Path.Combine(poolDir, RelativePath);
        if (!File.Exists(path))
        {
            return null;
        }

        SparseSidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize<SparseSidecar>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid sparse sidecar ({ex.Message})", ex);
        }

        if (sidecar is null || sidecar.Format != FormatName || sidecar.Version != 1)
        {
            throw new InvalidDataException($"{path}: not a version-1 '{FormatName}' sidecar");
        }

        if (sidecar.PoolManifestSha256 != ManifestSha256(poolDir))
        {
            throw new InvalidDataException(
                $"{path}: built for another pool.json; rebuild it with encas bench sparsify");
        }

        return sidecar;
    }

    /// <summary>SHA-256 of the pool's manifest file.</summary>
    public static string ManifestSha256(string poolDir) =>
        PoolBinaryFile.Sha256(File.ReadAllBytes(Path.Combine(poolDir, PoolManifest.FileName)));
}
