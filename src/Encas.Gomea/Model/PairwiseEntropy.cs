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
    /// <param name="genomes">All genomes of the population.</param>
    /// <param name="sample">Indices into <paramref name="genomes"/> of the sample; the first <paramref name="size"/>.</param>
    /// <param name="size">Sample size.</param>
    /// <param name="mi">Receives the matrix; the diagonal holds the single-gene entropies.</param>
    public void Compute(int[][] genomes, int[] sample, int size, double[] mi)
    {
        int l = _length;
        Array.Clear(_counts);
        var shifted = new int[l];
        for (int s = 0; s < size; s++)
        {
            int[] x = genomes[sample[s]];
            for (int j = 0; j < l; j++)
            {
                shifted[j] = x[j] - _lower[j];
            }

            for (int i = 0; i < l; i++)
            {
                int row = i * l;
                int a = shifted[i];
                for (int j = i + 1; j < l; j++)
                {
                    _counts[_pairOffset[row + j] + a * _cardinality[j] + shifted[j]]++;
                }

                _counts[_singleOffset[i] + a]++;
            }
        }

        for (int i = 0; i < l; i++)
        {
            for (int j = i + 1; j < l; j++)
            {
                int cells = _cardinality[i] * _cardinality[j];
                double h = Entropy(_counts.AsSpan(_pairOffset[i * l + j], cells), size);
                mi[i * l + j] = h;
            }

            mi[i * l + i] = Entropy(_counts.AsSpan(_singleOffset[i], _cardinality[i]), size);
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
