using Encas.Gomea.Model;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Tests;

/// <summary>
/// The mutual-information matrix is bit-identical to a plain reference (full frequency tables tallied member by
/// member, entropies over every cell in order), including the large joint tables that are tallied sparsely.
/// </summary>
public sealed class PairwiseEntropyTests
{
    [Theory]
    [InlineData(1, 519, 51, 40, 0.0)]
    [InlineData(2, 519, 51, 300, 0.0)]
    [InlineData(3, 519, 51, 300, 0.9)]
    [InlineData(4, 60, 51, 257, 0.5)]
    [InlineData(5, 2, 2, 100, 0.0)]
    [InlineData(6, 17, 3, 64, 0.3)]
    [InlineData(7, 519, 51, 1, 0.0)]
    public void Compute_equals_the_dense_reference_bit_for_bit(int seed, int models, int thresholds, int size,
        double converged)
    {
        // ENCAS-shaped alphabet: 5 genes over `models` values, 4 over `thresholds`, some with lower bound 1.
        int[] lower = [0, 0, 1, 0, 0, 0, 1, 0, 0];
        int[] upper = [.. Enumerable.Range(0, 9).Select(g => lower[g] + (g < 5 ? models : thresholds))];
        var alphabet = new GeneAlphabet(lower, upper);
        var random = new System.Random(seed);
        int[] elite = [.. Enumerable.Range(0, 9).Select(g => random.Next(lower[g], upper[g]))];
        var genomes = new int[size + 10][];
        for (int n = 0; n < genomes.Length; n++)
        {
            genomes[n] = new int[9];
            for (int g = 0; g < 9; g++)
            {
                genomes[n][g] = random.NextDouble() < converged ? elite[g] : random.Next(lower[g], upper[g]);
            }
        }

        var sample = Enumerable.Range(0, genomes.Length).OrderBy(_ => random.Next()).ToArray();
        var entropy = new PairwiseEntropy(alphabet);
        var actual = new double[81];

        entropy.Compute(genomes, sample, size, actual);
        entropy.Compute(genomes, sample, size, actual);

        var expected = Reference(genomes, sample, size, lower, upper);
        for (int c = 0; c < 81; c++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[c]), BitConverter.DoubleToInt64Bits(actual[c]));
        }
    }

    private static double[] Reference(int[][] genomes, int[] sample, int size, int[] lower, int[] upper)
    {
        int l = lower.Length;
        var mi = new double[l * l];
        for (int i = 0; i < l; i++)
        {
            int ki = upper[i] - lower[i];
            var single = new int[ki];
            for (int s = 0; s < size; s++)
            {
                single[genomes[sample[s]][i] - lower[i]]++;
            }

            mi[(i * l) + i] = Entropy(single, size);
            for (int j = i + 1; j < l; j++)
            {
                int kj = upper[j] - lower[j];
                var joint = new int[ki * kj];
                for (int s = 0; s < size; s++)
                {
                    var x = genomes[sample[s]];
                    joint[((x[i] - lower[i]) * kj) + (x[j] - lower[j])]++;
                }

                mi[(i * l) + j] = Entropy(joint, size);
            }
        }

        for (int i = 0; i < l; i++)
        {
            for (int j = i + 1; j < l; j++)
            {
                double value = mi[(i * l) + i] + mi[(j * l) + j] - mi[(i * l) + j];
                mi[(i * l) + j] = value;
                mi[(j * l) + i] = value;
            }
        }

        return mi;
    }

    // The reference's order: cumulative distribution with the last entry forced to 1, differenced back.
    private static double Entropy(int[] counts, int size)
    {
        double h = 0.0;
        double previous = 0.0;
        for (int k = 0; k < counts.Length; k++)
        {
            double cumulative = k == 0 ? counts[0] / (double)size : (counts[k] / (double)size) + previous;
            if (k == counts.Length - 1)
            {
                cumulative = 1.0;
            }

            double p = k == 0 ? cumulative : cumulative - previous;
            if (p > 0)
            {
                h += -p * (Math.Log(p) / Math.Log(2.0));
            }

            previous = cumulative;
        }

        return h;
    }
}
