using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encas.Core.Sparse;

/// <summary>
/// The two cheap certificates of <see cref="SparseCascadeEvaluator.SumMaxArg"/> (agreement and tops) for one
/// model tuple, with the tuple's arrays resolved once per table fill instead of once per entry: each entry reads
/// one packed word per model and, when the tops disagree, one vector of eight listed classes per model, compared
/// against every candidate in registers, from one 32-byte record per model and sample
/// (<see cref="SparseTables.Listed"/>). It decides exactly what the general method decides, or declines (false)
/// and leaves the entry to it. Needs k = 8 and 128-bit vectors (<see cref="IsSupported"/>). Read-only once bound,
/// so the threads of one fill share it.
/// </summary>
internal sealed class TupleKernel
{
    private readonly ulong[][] _packed = new ulong[Cascades.GenomeLayout.MaxModels][];
    private readonly ushort[][] _listed = new ushort[Cascades.GenomeLayout.MaxModels][];
    private readonly int[] _scale = Cascades.HalfScale.Table;
    private int _length;

    /// <summary>Whether the kernel can run on <paramref name="tables"/> on this machine.</summary>
    public static bool IsSupported(SparseTables tables) => tables.Listed is not null && Vector128.IsHardwareAccelerated;

    /// <summary>Resolves the arrays of <paramref name="models"/> (at least two).</summary>
    public void Bind(SparseTables tables, ReadOnlySpan<int> models)
    {
        _length = models.Length;
        for (int s = 0; s < models.Length; s++)
        {
            _packed[s] = tables.Packed[models[s]];
            _listed[s] = tables.Listed![models[s]];
        }
    }

    /// <summary>The exact maximum and first argmax of sample <paramref name="i"/>'s sum over the bound tuple, when
    /// the agreement or the tops certificate decides them; false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySumMaxArg(int i, out int max, out int arg)
    {
        int n = _length;
        Span<ulong> packed = stackalloc ulong[Cascades.GenomeLayout.MaxModels];
        ulong first = _packed[0][i];
        packed[0] = first;
        int agreed = SparseTables.Class(first);
        int tops = SparseTables.Top(first);
        int seconds = SparseTables.Second(first);
        bool same = true;
        for (int s = 1; s < n; s++)
        {
            ulong next = _packed[s][i];
            packed[s] = next;
            same &= SparseTables.Class(next) == agreed;
            tops += SparseTables.Top(next);
            seconds += SparseTables.Second(next);
        }

        if (same)
        {
            max = tops;
            arg = agreed;
            return tops > seconds;
        }

        // The tops certificate: every model lists every applied model's top class.
        Span<Vector128<ushort>> listed = stackalloc Vector128<ushort>[Cascades.GenomeLayout.MaxModels];
        for (int s = 0; s < n; s++)
        {
            listed[s] = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_listed[s]), (nuint)i * 16);
        }

        max = -1;
        arg = int.MaxValue;
        for (int t = 0; t < n; t++)
        {
            int c = SparseTables.Class(packed[t]);
            bool seen = false;
            for (int u = 0; u < t; u++)
            {
                seen |= SparseTables.Class(packed[u]) == c;
            }

            if (seen)
            {
                continue;
            }

            var wanted = Vector128.Create((ushort)c);
            int sum = 0;
            for (int s = 0; s < n; s++)
            {
                if (SparseTables.Class(packed[s]) == c)
                {
                    sum += SparseTables.Top(packed[s]);
                    continue;
                }

                uint hits = Vector128.Equals(listed[s], wanted).ExtractMostSignificantBits();
                if (hits == 0)
                {
                    return false;
                }

                sum += _scale[_listed[s][(i * 16) + 8 + BitOperations.TrailingZeroCount(hits)]];
            }

            if (sum > max || (sum == max && c < arg))
            {
                max = sum;
                arg = c;
            }
        }

        return max > seconds;
    }
}
