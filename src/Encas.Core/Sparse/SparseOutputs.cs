using Encas.Core.Pools;

namespace Encas.Core.Sparse;

/// <summary>Builds and loads the certified sparse form of a pool's outputs (see <see cref="SparseSidecar"/>).</summary>
public static class SparseOutputs
{
    /// <summary>The default number of entries kept per sample.</summary>
    public const int DefaultK = 8;

    /// <summary>
    /// Writes the sparse form of every model and split of <paramref name="pool"/> next to it, one model at a
    /// time; the sidecar is written last, so an interrupted build leaves the pool as it was.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When k is not in [1, 64].</exception>
    public static SparseSidecar Build(Pool pool, int k = DefaultK, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        var files = new Dictionary<string, IReadOnlyList<StoredFile>>();
        int done = 0;
        foreach (string split in PoolSplits.All)
        {
            var data = pool.Split(split);
            var list = new List<StoredFile>();
            for (int m = 0; m < data.Models; m++)
            {
                var rows = SparseRows.FromHalves(data.Outputs[m].Values, data.Samples, data.Classes, k);
                list.Add(SparseRowsFile.Write(pool.Directory, $"sparse/{split}/{m:D5}.top{k}", rows));
                progress?.Invoke(++done, 2 * data.Models);
            }

            files[split] = list;
        }

        var sidecar = new SparseSidecar(SparseSidecar.FormatName, 1, k, SparseSidecar.ManifestSha256(pool.Directory),
            files);
        IO.AtomicFile.WriteAllText(Path.Combine(pool.Directory, SparseSidecar.RelativePath), sidecar.ToJson());
        return sidecar;
    }

    /// <summary>Loads the sparse rows of one split, or null when the pool has no sidecar.</summary>
    internal static SparseRows[]? TryLoad(Pool pool, string split, bool verifyChecksums)
    {
        var sidecar = SparseSidecar.TryRead(pool.Directory);
        if (sidecar is null)
        {
            return null;
        }

        if (!sidecar.Files.TryGetValue(split, out var files) || files.Count != pool.Models)
        {
            throw new InvalidDataException(
                $"{Path.Combine(pool.Directory, SparseSidecar.RelativePath)}: no {pool.Models} '{split}' files");
        }

        int samples = pool.Split(split).Samples;
        var result = new SparseRows[files.Count];
        Parallel.For(0, files.Count,
            m => result[m] = SparseRowsFile.Read(pool.Directory, files[m], samples, sidecar.K, verifyChecksums));
        return result;
    }
}
