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
