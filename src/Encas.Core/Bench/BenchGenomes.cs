using Encas.Core.Cascades;

namespace Encas.Core.Bench;

/// <summary>
/// A genome stream for evaluator benchmarks shaped like MO-GOMEA's: mostly a recent genome with one to three
/// genes changed (so cascades share prefixes, as they do when the optimiser mixes donor genes into a parent),
/// sometimes a fresh random genome.
/// </summary>
public static class BenchGenomes
{
    /// <summary>Draws <paramref name="count"/> valid genomes for a pool of <paramref name="poolModels"/>
    /// models.</summary>
    public static List<int[]> Create(Random random, int poolModels, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        var result = new List<int[]>(count);
        while (result.Count < count)
        {
            if (result.Count == 0 || random.NextDouble() < 0.05)
            {
                result.Add(Fresh(random, poolModels));
                continue;
            }

            var genome = (int[])result[Math.Max(0, result.Count - 1 - random.Next(20))].Clone();
            int changes = 1 + random.Next(3);
            for (int k = 0; k < changes; k++)
            {
                int g = random.Next(GenomeLayout.Length);
                genome[g] = g < GenomeLayout.MaxModels ? ModelGene(random, poolModels) : random.Next(51);
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
            genome[g] = g < GenomeLayout.MaxModels ? ModelGene(random, poolModels) : random.Next(51);
        }

        return genome;
    }

    private static int ModelGene(Random random, int poolModels) =>
        random.NextDouble() < 0.2 ? 0 : random.Next(1, poolModels + 1);
}
