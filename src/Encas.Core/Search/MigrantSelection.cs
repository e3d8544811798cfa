using Encas.Gomea.Archive;

namespace Encas.Core.Search;

/// <summary>
/// Chooses an island's emigrants deterministically and spread along its front: the archive members sorted by
/// error, then MFLOPs, then genome, and <c>count</c> of them taken at evenly spaced ranks (both ends included).
/// </summary>
public static class MigrantSelection
{
    /// <summary>The archive indices of the chosen members, in send order.</summary>
    public static List<int> Choose(ElitistArchive archive, int count)
    {
        var order = Enumerable.Range(0, archive.Count)
            .OrderByDescending(i => archive.Objectives(i)[0])
            .ThenByDescending(i => archive.Objectives(i)[1])
            .ThenBy(i => string.Join(',', archive.Genes(i).ToArray()), StringComparer.Ordinal)
            .ToList();
        if (count <= 0 || order.Count == 0)
        {
            return [];
        }

        if (order.Count <= count)
        {
            return order;
        }

        if (count == 1)
        {
            return [order[0]];
        }

        return Enumerable.Range(0, count)
            .Select(k => order[(int)Math.Round(k * (order.Count - 1) / (double)(count - 1))])
            .Distinct()
            .ToList();
    }
}
