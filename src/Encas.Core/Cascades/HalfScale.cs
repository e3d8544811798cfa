namespace Encas.Core.Cascades;

/// <summary>
/// Exact integer view of stored probabilities: every half in [0, 1] is a whole multiple of 2^-24, so
/// <c>half × 2^24</c> is an integer and sums of up to five of them fit an int. Comparing such sums with
/// integers decides every exit and every argmax exactly as exact arithmetic on the stored halves would.
/// </summary>
internal static class HalfScale
{
    /// <summary>The scale: 2^24.</summary>
    public const long One = 1L << 24;

    /// <summary>Half bit pattern → value × 2^24 (0 for patterns outside [0, 1], which validation rejects).</summary>
    public static int[] Table { get; } = BuildTable();

    /// <summary>
    /// The largest integer sum that does NOT exit before a stage: a sample exits when
    /// max(sum) / (used · 2^24) &gt; gene / 50, i.e. when max(sum) &gt; ⌊gene · used · 2^24 / 50⌋.
    /// </summary>
    public static int StayLimit(int gene, int used) =>
        (int)(gene * used * One / GenomeLayout.ThresholdLevels);

    private static int[] BuildTable()
    {
        var table = new int[65536];
        for (int bits = 0; bits < table.Length; bits++)
        {
            double value = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
            table[bits] = value is >= 0 and <= 1 ? (int)(value * One) : 0;
        }

        return table;
    }
}
