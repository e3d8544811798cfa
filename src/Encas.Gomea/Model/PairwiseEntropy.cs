using System.Runtime.CompilerServices;
using System.Numerics;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Model;

/// <summary>Mutual information between every pair of genes over a set of genomes, from frequency tables.</summary>
/// <remarks>
/// Entropies use <c>log2(p) = ln(p) / ln 2</c> and skip zero probabilities. As in the reference, probabilities are
/// counts divided by the sample size, turned into a cumulative distribution whose last entry is forced to 1, and
/// differenced back; keeping that order of floating-point operations keeps the numbers bit-identical.
/// <c>MI(i, j) = H(X_i) + H(X_j) − H(X_i, X_j)</c>, not normalised.
/// </remarks>
internal sealed class PairwiseEntropy
{
    private static readonly double LnTwo = Math.Log(2.0);

    private readonly int _length;
    private readonly int[] _lower;
    private readonly int[] _cardinality;
    private readonly int[] _pairOffset;
    private readonly int[] _singleOffset;
    private readonly int[] _counts;
    private ulong[] _bits = [];
    private int[] _touched = [];

    public PairwiseEntropy(GeneAlphabet alphabet)
    {
        _length = alphabet.Length;
        _lower = alphabet.Lower.ToArray();
        _cardinality = new int[_length];
        for (int j = 0; j < _length; j++)
        {
            _cardinality[j] = alphabet.Cardinality(j);
        }

        _pairOffset = new int[_length * _length];
        int offset = 0;
        for (int i = 0; i < _length; i++)
        {
            for (int j = i + 1; j < _length; j++)
            {
                _pairOffset[i * _length + j] = offset;
                offset += _cardinality[i] * _cardinality[j];
            }
        }

        _singleOffset = new int[_length];
        for (int i = 0; i < _length; i++)
        {
            _singleOffset[i] = offset;
            offset += _cardinality[i];
        }

        _counts = new int[offset];
    }

    /// <summary>Fills <paramref name="mi"/> (l × l, row-major) with the mutual information of the sample.</summary>
    /// <remarks>
    /// Frequencies come from bit sets (one per gene and value, one bit per sample member): a joint count is the
    /// population count of the AND of two bit sets. For two binary genes only the (1, 1) cell is counted; the other
    /// three follow from the single-gene counts. The counts are exact integers, so the entropies are the same
    /// numbers the reference computes by tallying member by member.
    /// </remarks>
    /// <param name="genomes">All genomes of the population.</param>
    /// <param name="sample">Indices into <paramref name="genomes"/> of the sample; the first <paramref
    /// name="size"/>.</param>
    /// <param name="size">Sample size.</param>
    /// <param name="mi">Receives the matrix; the diagonal holds the single-gene entropies.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Compute(int[][] genomes, int[] sample, int size, double[] mi)
    {
        int l = _length;
        int words = (size + 63) >> 6;
        int valueCount = _singleOffset[l - 1] - _singleOffset[0] + _cardinality[l - 1];
        if (_bits.Length < valueCount * words)
        {
            _bits = new ulong[valueCount * words];
        }

        Array.Clear(_bits, 0, valueCount * words);
        int first = _singleOffset[0];
        for (int s = 0; s < size; s++)
        {
            int[] x = genomes[sample[s]];
            ulong bit = 1UL << (s & 63);
            int word = s >> 6;
            for (int j = 0; j < l; j++)
            {
                _bits[(_singleOffset[j] - first + x[j] - _lower[j]) * words + word] |= bit;
            }
        }

        for (int j = 0; j < l; j++)
        {
            int baseJ = _singleOffset[j] - first;
            for (int a = 0; a < _cardinality[j]; a++)
            {
                _counts[_singleOffset[j] + a] = AndCount(baseJ + a, baseJ + a, words);
            }
        }

        for (int i = 0; i < l; i++)
        {
            int ki = _cardinality[i];
            int baseI = _singleOffset[i] - first;
            for (int j = i + 1; j < l; j++)
            {
                int kj = _cardinality[j];
                int baseJ = _singleOffset[j] - first;
                Span<int> cells = _counts.AsSpan(_pairOffset[i * l + j], ki * kj);
                if (ki == 2 && kj == 2)
                {
                    int n11 = AndCount(baseI + 1, baseJ + 1, words);
                    int n1i = _counts[_singleOffset[i] + 1];
                    int n1j = _counts[_singleOffset[j] + 1];
                    cells[0] = size - n1i - n1j + n11;
                    cells[1] = n1j - n11;
                    cells[2] = n1i - n11;
                    cells[3] = n11;
                }
                else if (ki * kj > SparseCells)
                {
                    mi[i * l + j] = SparseJointEntropy(genomes, sample, size, i, j, cells);
                    continue;
                }
                else
                {
                    for (int a = 0; a < ki; a++)
                    {
                        for (int b = 0; b < kj; b++)
                        {
                            cells[a * kj + b] = AndCount(baseI + a, baseJ + b, words);
                        }
                    }
                }

                mi[i * l + j] = Entropy(cells, size);
            }

            mi[i * l + i] = Entropy(_counts.AsSpan(_singleOffset[i], ki), size);
        }

        for (int i = 0; i < l; i++)
        {
            for (int j = i + 1; j < l; j++)
            {
                double value = mi[i * l + i] + mi[j * l + j] - mi[i * l + j];
                mi[i * l + j] = value;
                mi[j * l + i] = value;
            }
        }
    }

    // Joint tables larger than this are tallied member by member (touching at most `size` cells) instead of
    // counted cell by cell from the bit sets.
    private const int SparseCells = 256;

    // H(X_i, X_j) from a member-by-member tally over only the non-zero cells, in cell order. Bit-identical to
    // Entropy over the full table: a zero cell before the last adds 0.0 to the running cumulative (unchanged) and
    // has p = 0 (skipped); the last cell is always visited with its cumulative forced to 1. The table is left
    // all zero.
    private double SparseJointEntropy(int[][] genomes, int[] sample, int size, int i, int j, Span<int> cells)
    {
        if (_touched.Length < size)
        {
            _touched = new int[size];
        }

        int kj = _cardinality[j];
        int touched = 0;
        for (int s = 0; s < size; s++)
        {
            int[] x = genomes[sample[s]];
            int cell = (x[i] - _lower[i]) * kj + (x[j] - _lower[j]);
            if (cells[cell]++ == 0)
            {
                _touched[touched++] = cell;
            }
        }

        Array.Sort(_touched, 0, touched);
        int last = cells.Length - 1;
        double h = 0.0;
        double previous = 0.0;
        for (int t = 0; t < touched && _touched[t] != last; t++)
        {
            int k = _touched[t];
            double cumulative = k == 0 ? cells[0] / (double)size : cells[k] / (double)size + previous;
            double p = k == 0 ? cumulative : cumulative - previous;
            if (p > 0)
            {
                h += -p * (Math.Log(p) / LnTwo);
            }

            previous = cumulative;
        }

        double tail = last == 0 ? 1.0 : 1.0 - previous;
        if (tail > 0)
        {
            h += -tail * (Math.Log(tail) / LnTwo);
        }

        for (int t = 0; t < touched; t++)
        {
            cells[_touched[t]] = 0;
        }

        return h;
    }

    private int AndCount(int setA, int setB, int words)
    {
        int count = 0;
        int a = setA * words;
        int b = setB * words;
        for (int w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(_bits[a + w] & _bits[b + w]);
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Entropy(ReadOnlySpan<int> counts, int size)
    {
        double h = 0.0;
        double previous = 0.0;
        int last = counts.Length - 1;
        for (int k = 0; k <= last; k++)
        {
            double cumulative = k == 0 ? counts[0] / (double)size : counts[k] / (double)size + previous;
            if (k == last)
            {
                cumulative = 1.0;
            }

            double p = k == 0 ? cumulative : cumulative - previous;
            if (p > 0)
            {
                h += -p * (Math.Log(p) / LnTwo);
            }

            previous = cumulative;
        }

        return h;
    }
}
