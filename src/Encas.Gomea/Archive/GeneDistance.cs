using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Encas.Gomea.Archive;

/// <summary>Hamming distance between integer genomes, with an early stop once a limit is reached.</summary>
internal static class GeneDistance
{
    /// <summary>
    /// Counts positions where <paramref name="a"/> and <paramref name="b"/> differ. The exact count is returned when it
    /// is below <paramref name="limit"/>; otherwise some value ≥ <paramref name="limit"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Hamming(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, int limit)
    {
        int distance = 0;
        for (int w = 0; w < a.Length; w++)
        {
            distance += BitOperations.PopCount(a[w] ^ b[w]);
            if (distance >= limit)
            {
                return distance;
            }
        }

        return distance;
    }

    /// <summary>Packs a genome of 0/1 values into bits; false (and a partial result) if any value is not 0 or
    /// 1.</summary>
    public static bool TryPackBinary(ReadOnlySpan<int> genes, Span<ulong> bits)
    {
        bits.Clear();
        for (int j = 0; j < genes.Length; j++)
        {
            int g = genes[j];
            if ((uint)g > 1)
            {
                return false;
            }

            bits[j >> 6] |= (ulong)g << (j & 63);
        }

        return true;
    }

    /// <summary>Hamming distance between integer genomes (see the bit-set overload for the limit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Hamming(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int limit)
    {
        int n = a.Length;
        int distance = 0;
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<int>.Count)
        {
            ref int ra = ref MemoryMarshal.GetReference(a);
            ref int rb = ref MemoryMarshal.GetReference(b);
            for (; j <= n - Vector256<int>.Count; j += Vector256<int>.Count)
            {
                Vector256<int> equal = Vector256.Equals(
                    Vector256.LoadUnsafe(ref ra, (nuint)j), Vector256.LoadUnsafe(ref rb, (nuint)j));
                distance += Vector256<int>.Count - BitOperations.PopCount(equal.ExtractMostSignificantBits());
                if (distance >= limit)
                {
                    return distance;
                }
            }
        }

        for (; j < n; j++)
        {
            if (a[j] != b[j])
            {
                distance++;
                if (distance >= limit)
                {
                    return distance;
                }
            }
        }

        return distance;
    }
}
