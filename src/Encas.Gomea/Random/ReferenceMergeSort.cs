namespace Encas.Gomea.Random;

/// <summary>The reference's top-down merge sort that returns the sort order of an array of doubles.</summary>
/// <remarks>
/// Ascending. While merging, the element of the left half is emitted only when it is strictly smaller than the
/// element of the right half; on equal keys (and on NaN comparisons) the right one goes first, so the sort is not
/// stable. Cluster membership and the knapsack repair order depend on exactly this order, so the engine must not use
/// <see cref="Array.Sort(Array)"/> in its place.
/// </remarks>
public static class ReferenceMergeSort
{
    /// <summary>Returns the indices of <paramref name="keys"/> in the reference's sorted order.</summary>
    /// <param name="keys">The keys to sort; not modified.</param>
    /// <returns>A permutation of 0…n−1.</returns>
    public static int[] SortOrder(ReadOnlySpan<double> keys)
    {
        var sorted = new int[keys.Length];
        var scratch = new int[keys.Length];
        SortOrder(keys, sorted, scratch);
        return sorted;
    }

    /// <summary>
    /// Writes the sort order of <paramref name="keys"/> into <paramref name="sorted"/> without allocating.
    /// </summary>
    /// <param name="keys">The keys to sort; not modified.</param>
    /// <param name="sorted">Receives the permutation; same length as the keys.</param>
    /// <param name="scratch">Working space of the same length.</param>
    public static void SortOrder(ReadOnlySpan<double> keys, Span<int> sorted, Span<int> scratch)
    {
        int n = keys.Length;
        for (int i = 0; i < n; i++)
        {
            scratch[i] = i;
        }

        if (n == 1)
        {
            sorted[0] = 0;
            return;
        }

        SortRange(keys, sorted, scratch, 0, n - 1);
    }

    private static void SortRange(ReadOnlySpan<double> keys, Span<int> sorted, Span<int> work, int p, int q)
    {
        if (p >= q)
        {
            return;
        }

        int r = (p + q) / 2;
        SortRange(keys, sorted, work, p, r);
        SortRange(keys, sorted, work, r + 1, q);
        Merge(keys, sorted, work, p, r + 1, q);
    }

    private static void Merge(ReadOnlySpan<double> keys, Span<int> sorted, Span<int> work, int p, int r, int q)
    {
        int i = p;
        int j = r;
        for (int k = p; k <= q; k++)
        {
            bool takeLeft = j > q || (i < r && keys[work[i]] < keys[work[j]]);
            sorted[k] = takeLeft ? work[i++] : work[j++];
        }

        for (int k = p; k <= q; k++)
        {
            work[k] = sorted[k];
        }
    }
}
