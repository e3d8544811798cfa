using System.Numerics;
using Encas.Core.Cascades;

namespace Encas.Core.Sparse;

/// <summary>
/// Per-model lookup tables that let <see cref="SparseCascadeEvaluator"/> skip most of the per-sample work: for
/// each model and sample its top probability, top class and second-largest probability packed in one word, and
/// for each model and threshold gene the set of samples that stay for the second model (a bit set) together
/// with the number of errors among those that exit. All values are exact scaled integers of
/// <see cref="HalfScale"/>. Read-only after construction, so thread-safe.
/// </summary>
/// <remarks>
/// Packing: bits 0–24 hold the top value (at most 2^24), bits 25–49 the second value, bits 50–63 the top class
/// (first index of the largest entry; classes are below 2^14). The second value is the sparse row's second entry
/// (or its bound when only one entry is kept): the largest probability of any class other than the top class.
/// Memory per model: 8 bytes per sample plus <see cref="GenomeLayout.ThresholdLevels"/> bit sets of one bit per
/// sample.
/// </remarks>
internal sealed class SparseTables
{
    private const int ValueBits = 25;
    private const long ValueMask = (1L << ValueBits) - 1;

    private SparseTables(ulong[][] packed, ulong[][][] stay, int[][] exitWrong, ModelPrefixTable[] first,
        ushort[][]? listed, int words)
    {
        First = first;
        Listed = listed;
        Packed = packed;
        Stay = stay;
        ExitWrong = exitWrong;
        Words = words;
    }

    /// <summary>With k = 8, the sparse rows in one 32-byte record per sample, for <see cref="TupleKernel"/>: at
    /// <c>[m][16 i .. 16 i + 7]</c> the listed classes (65535 where nothing is listed), at
    /// <c>[m][16 i + 8 .. 16 i + 15]</c> their values as half bit patterns (see <see cref="HalfScale.Table"/>);
    /// null for other k.</summary>
    public ushort[][]? Listed { get; }

    /// <summary>Packed (top, second, class) of sample i of model m at <c>[m][i]</c>.</summary>
    public ulong[][] Packed { get; }

    /// <summary>Bit i of <c>[m][gene]</c> is set when sample i's top value of model m does not exceed the stay
    /// limit of <c>gene</c> with one model applied (so it goes on to the second model).</summary>
    public ulong[][][] Stay { get; }

    /// <summary>Errors among the samples that exit after model m alone at threshold gene g: <c>[m][g]</c>.</summary>
    public int[][] ExitWrong { get; }

    /// <summary>Per model, the complete one-model <see cref="ModelPrefixTable"/> (for the first exit test).</summary>
    public ModelPrefixTable[] First { get; }

    /// <summary>Words per bit set.</summary>
    public int Words { get; }

    /// <summary>The top value of a packed word.</summary>
    public static int Top(ulong packed) => (int)(packed & ValueMask);

    /// <summary>The second value of a packed word.</summary>
    public static int Second(ulong packed) => (int)((packed >> ValueBits) & ValueMask);

    /// <summary>The top class of a packed word.</summary>
    public static int Class(ulong packed) => (int)(packed >> (2 * ValueBits));

    /// <summary>Packs one entry.</summary>
    public static ulong Pack(int top, int second, int topClass) =>
        (uint)top | ((ulong)(uint)second << ValueBits) | ((ulong)(uint)topClass << (2 * ValueBits));

    /// <summary>Builds the tables from the sparse rows and the dense evaluator's top tables, one model per
    /// work item.</summary>
    public static SparseTables Build(CascadeEvaluator dense, SparseRows[] rows)
    {
        int samples = dense.Split.Samples;
        int words = (samples + 63) / 64;
        int[] labels = dense.LabelTable;
        var packed = new ulong[rows.Length][];
        var stay = new ulong[rows.Length][][];
        var exitWrong = new int[rows.Length][];
        var first = new ModelPrefixTable[rows.Length];
        var listed = rows.Length > 0 && rows[0].K == 8 ? new ushort[rows.Length][] : null;
        Parallel.For(0, rows.Length, m =>
        {
            if (listed is not null)
            {
                listed[m] = Interleave(rows[m], m);
            }

            var sparse = rows[m];
            int k = sparse.K;
            int[] top = dense.TopOf(m);
            ushort[] arg = dense.ArgOf(m);
            var words0 = new ulong[samples];
            var sets = new ulong[GenomeLayout.ThresholdLevels + 1][];
            for (int g = 0; g <= GenomeLayout.ThresholdLevels; g++)
            {
                sets[g] = new ulong[words];
            }

            // Exit errors per gene: count per sample the lowest gene at which it stays, then accumulate.
            var wrongAt = new int[GenomeLayout.ThresholdLevels + 2];
            var alone = new ModelPrefixTable(words);
            alone.Reset();
            for (int i = 0; i < samples; i++)
            {
                int second = k >= 2 && sparse.Values[(i * k) + 1] >= 0 ? sparse.Values[(i * k) + 1]
                    : sparse.Bounds[i];
                words0[i] = Pack(top[i], second, arg[i]);
                int lowest = LowestStayingGene(top[i]);
                for (int g = lowest; g <= GenomeLayout.ThresholdLevels; g++)
                {
                    sets[g][i >> 6] |= 1UL << (i & 63);
                }

                // The sample exits at every gene below its lowest staying gene.
                alone.Gene[i] = (byte)lowest;
                alone.Known[i >> 6] |= 1UL << (i & 63);
                if (arg[i] != labels[i])
                {
                    wrongAt[lowest]++;
                    alone.Wrong[i >> 6] |= 1UL << (i & 63);
                }
            }

            var exits = new int[GenomeLayout.ThresholdLevels + 1];
            int running = 0;
            for (int g = GenomeLayout.ThresholdLevels; g >= 0; g--)
            {
                running += wrongAt[g + 1];
                exits[g] = running;
            }

            packed[m] = words0;
            stay[m] = sets;
            exitWrong[m] = exits;
            first[m] = alone;
        });
        return new SparseTables(packed, stay, exitWrong, first, listed, words);
    }

    // One model's rows of eight in the Listed layout.
    private static ushort[] Interleave(SparseRows rows, int model)
    {
        var record = new ushort[rows.Samples * 16];
        for (int e = 0; e < rows.Samples * 8; e++)
        {
            int at = ((e >> 3) * 16) + (e & 7);
            int value = rows.Values[e];
            if (value < 0)
            {
                record[at] = ushort.MaxValue;
                continue;
            }

            ushort bits = BitConverter.HalfToUInt16Bits((Half)(value / (double)HalfScale.One));
            if (HalfScale.Table[bits] != value)
            {
                throw new InvalidDataException(
                    $"model {model}, sample {e >> 3}: sparse value {value} is not a stored half probability");
            }

            record[at] = rows.Classes[e];
            record[at + 8] = bits;
        }

        return record;
    }

    /// <summary>Bytes the tables hold.</summary>
    public long Bytes => (long)Packed.Length
        * ((Packed.Length > 0 ? Packed[0].Length * 8L : 0) + ((GenomeLayout.ThresholdLevels + 1L) * Words * 8)
            + (First.Length > 0 ? First[0].Bytes : 0) + (Listed is { Length: > 0 } ? Listed[0].Length * 2L : 0));

    /// <summary>Number of samples set in words [from, to) of a bit set.</summary>
    public static int Count(ulong[] set, int from, int to)
    {
        int count = 0;
        for (int w = from; w < to; w++)
        {
            count += BitOperations.PopCount(set[w]);
        }

        return count;
    }

    // The smallest gene whose one-model stay limit the top value does not exceed (51 when none: it always
    // exits; cannot happen for values ≤ 2^24, since gene 50 allows everything).
    private static int LowestStayingGene(int top)
    {
        for (int g = 0; g <= GenomeLayout.ThresholdLevels; g++)
        {
            if (top <= HalfScale.StayLimit(g, 1))
            {
                return g;
            }
        }

        return GenomeLayout.ThresholdLevels + 1;
    }
}
