using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Encas.Core.Sparse;

/// <summary>
/// The bit-set kernel of <see cref="PrefixTableEvaluator"/>: turns 64 per-sample "lowest staying gene" bytes into
/// one word whose bit j is set when byte j is at most the threshold gene, i.e. when sample j stays.
/// </summary>
/// <remarks>
/// Equivalent scalar formula: <c>bit j = genes[j] ≤ gene ? 1 : 0</c> for j = 0…63. The vector paths compare 32 or
/// 16 unsigned bytes at a time and gather the sign bits; integer comparisons, so every path gives the same word.
/// </remarks>
internal static class StayMask
{
    /// <summary>The stay word of the 64 bytes starting at <paramref name="genes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Word(ReadOnlySpan<byte> genes, byte gene)
    {
        ref byte start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(genes[..64]);
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(gene);
            ulong low = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref start), limit).ExtractMostSignificantBits();
            ulong high = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref start, 32), limit)
                .ExtractMostSignificantBits();
            return low | (high << 32);
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var limit = Vector128.Create(gene);
            ulong word = 0;
            for (int q = 0; q < 4; q++)
            {
                ulong bits = Vector128.LessThanOrEqual(Vector128.LoadUnsafe(ref start, (nuint)(16 * q)), limit)
                    .ExtractMostSignificantBits();
                word |= bits << (16 * q);
            }

            return word;
        }

        return Scalar(genes, gene);
    }

    /// <summary>The scalar path (also the fallback without SIMD).</summary>
    public static ulong Scalar(ReadOnlySpan<byte> genes, byte gene)
    {
        ulong word = 0;
        for (int j = 0; j < 64; j++)
        {
            word |= genes[j] <= gene ? 1UL << j : 0;
        }

        return word;
    }
}
