using Encas.Core.Cascades;

namespace Encas.Core.Tests.Cascades;

/// <summary>
/// Genome sequences shaped like MO-GOMEA's: each genome is a recent one with one to three genes changed, so
/// consecutive cascades share prefixes; no-ops and thresholds 0, 25 and 50 are over-represented.
/// </summary>
internal static class PrefixSharingGenomes
{
    public static List<int[]> Create(int seed, int poolModels, int count)
    {
        var random = new Random(seed);
        var result = new List<int[]> { Fresh(random, poolModels) };
        while (result.Count < count)
        {
            if (random.NextDouble() < 0.05)
            {
                result.Add(Fresh(random, poolModels));
                continue;
            }

            var genome = (int[])result[Math.Max(0, result.Count - 1 - random.Next(20))].Clone();
            int changes = 1 + random.Next(3);
            for (int k = 0; k < changes; k++)
            {
                int g = random.Next(GenomeLayout.Length);
                genome[g] = g < GenomeLayout.MaxModels ? ModelGene(random, poolModels) : ThresholdGene(random);
            }

            result.Add(genome);
        }

        return result;
    }

    private static int[] Fresh(Random random, int poolModels)
    {
        var genome = new int[GenomeLayout.Length];
        for (int g = 0; g < GenomeLayout.Length; g++)
        {
            genome[g] = g < GenomeLayout.MaxModels ? ModelGene(random, poolModels) : ThresholdGene(random);
        }

        return genome;
    }

    private static int ModelGene(Random random, int poolModels) =>
        random.NextDouble() < 0.2 ? 0 : random.Next(1, poolModels + 1);

    private static int ThresholdGene(Random random)
    {
        double roll = random.NextDouble();
        return roll < 0.08 ? 0 : roll < 0.16 ? 50 : roll < 0.24 ? 25 : random.Next(0, 51);
    }
}
