using Encas.Core.Cascades;

namespace Encas.Core.Sparse;

/// <summary>
/// The certified sparse form of one model's outputs on one split: per sample the <see cref="K"/> largest
/// probabilities (exact, as scaled integers of <see cref="HalfScale"/>) with their classes, in descending order
/// (ties → lower class first), and a bound: the largest probability NOT listed, so every other class's
/// probability lies in [0, bound].
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(int samples, int k)
    {
        Samples = samples;
        K = k;
        Classes = new ushort[samples * k];
        Values = new int[samples * k];
        Bounds = new int[samples];
    }

    /// <summary>Number of samples.</summary>
    public int Samples { get; }

    /// <summary>Entries kept per sample.</summary>
    public int K { get; }

    /// <summary>Class of entry j of sample i at <c>[i · K + j]</c>.</summary>
    public ushort[] Classes { get; }

    /// <summary>Scaled probability of entry j of sample i at <c>[i · K + j]</c>.</summary>
    public int[] Values { get; }

    /// <summary>Scaled bound on every unlisted probability of sample i.</summary>
    public int[] Bounds { get; }

    /// <summary>Extracts the sparse form from a row-major half matrix of <paramref name="classes"/> columns.</summary>
    public static SparseRows FromHalves(ReadOnlySpan<Half> values, int samples, int classes, int k)
    {
        var rows = new SparseRows(samples, k);
        var table = HalfScale.Table;
        Span<int> bestValue = stackalloc int[k + 1];
        Span<int> bestClass = stackalloc int[k + 1];
        for (int i = 0; i < samples; i++)
        {
            // Keep the k + 1 largest (value desc, class asc) by insertion; entry k is the bound.
            var row = System.Runtime.InteropServices.MemoryMarshal.Cast<Half, ushort>(
                values.Slice(i * classes, classes));
            int filled = 0;
            for (int c = 0; c < classes; c++)
            {
                int v = table[row[c]];
                if (filled == k + 1 && v <= bestValue[k])
                {
                    continue;
                }

                int at = Math.Min(filled, k);
                while (at > 0 && bestValue[at - 1] < v)
                {
                    if (at < k + 1)
                    {
                        bestValue[at] = bestValue[at - 1];
                        bestClass[at] = bestClass[at - 1];
                    }

                    at--;
                }

                bestValue[at] = v;
                bestClass[at] = c;
                filled = Math.Min(filled + 1, k + 1);
            }

            int listed = Math.Min(filled, k);
            for (int j = 0; j < k; j++)
            {
                rows.Classes[(i * k) + j] = (ushort)(j < listed ? bestClass[j] : 0);
                rows.Values[(i * k) + j] = j < listed ? bestValue[j] : -1;
            }

            rows.Bounds[i] = filled == k + 1 ? bestValue[k] : 0;
        }

        return rows;
    }
}
