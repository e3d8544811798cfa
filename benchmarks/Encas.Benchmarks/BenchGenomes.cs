using Encas.Core.Cascades;

namespace Encas.Benchmarks;

/// <summary>Seeded random genomes: every gene uniform over its alphabet, as MO-GOMEA's first population.</summary>
internal static class BenchGenomes
{
    public static List<int[]> Random(int seed, int poolModels, int count)
    {
        var random = new Random(seed);
        var alphabet = GenomeLayout.Alphabet(poolModels);
        return Enumerable.Range(0, count)
            .Select(_ => alphabet.Select(size => random.Next(size)).ToArray())
            .ToList();
    }
}
