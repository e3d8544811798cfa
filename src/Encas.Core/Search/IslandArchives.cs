using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>What a run's islands hold together: their archives' union and the run's progress point.</summary>
public static class IslandArchives
{
    /// <summary>The islands' archives together, de-duplicated by genome, in island and archive order.</summary>
    public static List<(int[] Genome, CascadeScore Val)> Union(
        IEnumerable<IReadOnlyList<(int[] Genome, CascadeScore Val)>> archives)
    {
        ArgumentNullException.ThrowIfNull(archives);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(int[], CascadeScore)>();
        foreach (var archive in archives)
        {
            foreach (var (genome, val) in archive)
            {
                if (seen.Add(string.Join(',', genome)))
                {
                    result.Add((genome, val));
                }
            }
        }

        return result;
    }

    /// <summary>The run's trace point: charged evaluations, validation hypervolume and size of the union.</summary>
    public static TracePoint Trace(long charged, IReadOnlyList<(int[] Genome, CascadeScore Val)> union,
        SearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(union);
        ArgumentNullException.ThrowIfNull(settings);
        return new TracePoint(charged,
            NormalisedHypervolume.Compute(union.Select(a => a.Val), settings.ReferenceError, settings.ReferenceMflops),
            union.Count);
    }
}
