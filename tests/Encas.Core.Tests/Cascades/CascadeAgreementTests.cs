using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Cascades;

/// <summary>
/// The fast kernel against the scalar reference on pools neither has seen: random pools with exact ties and
/// exact-threshold rows written in the ENCAS layout and imported, and the shipped Fashion-MNIST sample pool.
/// </summary>
public sealed class CascadeAgreementTests
{
    [Theory]
    [InlineData(11, 6, 300, 2)]
    [InlineData(12, 8, 250, 3)]
    [InlineData(13, 5, 200, 7)]
    public void The_kernel_equals_the_scalar_reference_on_random_pools(int seed, int models, int samples,
        int classes)
    {
        using var pool = new ImportedPool(RandomSourcePool.Create(seed, models, samples, classes));
        foreach (var split in new[] { pool.Pool.Val, pool.Pool.Test })
        {
            CompareOn(split, RandomGenomes(seed, models, 700), parallel: true);
        }
    }

    [Fact]
    public void The_kernel_equals_the_scalar_reference_on_the_sample_pool()
    {
        string? source = RepoPaths.SamplePool();
        Assert.SkipWhen(source is null, "samples/fashion-mnist is not in this checkout");
        using var dir = new TempDir();
        PoolImporter.Import(new PoolImportOptions(source!, dir.Combine("pool")));
        using var pool = Pool.Open(dir.Combine("pool"));
        CompareOn(pool.Val, RandomGenomes(7, pool.Models, 800), parallel: true);
    }

    private static void CompareOn(PoolSplit split, List<int[]> genomes, bool parallel)
    {
        var checks = new (double Error, double Mflops)[genomes.Count];
        Parallel.For(0, genomes.Count, i => checks[i] = ScalarReferenceEvaluator.Evaluate(split, genomes[i]));

        // Both kernels: SIMD over scaled int32 rows (the default) and reading the mapped halves (large pools).
        var simd = new CascadeEvaluator(split);
        var halves = new CascadeEvaluator(split, scaledBudgetBytes: 0);
        Assert.True(simd.UsesScaledRows);
        Assert.False(halves.UsesScaledRows);
        CompareKernel(simd, split, genomes, checks, parallel);
        CompareKernel(halves, split, genomes, checks, parallel);
    }

    private static void CompareKernel(CascadeEvaluator evaluator, PoolSplit split, List<int[]> genomes,
        (double Error, double Mflops)[] checks, bool parallel)
    {
        var fast = new CascadeScore[genomes.Count];
        evaluator.EvaluateMany(genomes, fast, parallel ? 0 : 1);
        for (int i = 0; i < genomes.Count; i++)
        {
            string kernel = evaluator.UsesScaledRows ? "SIMD" : "halves";
            string what = $"{kernel} kernel, {split.Name} genome {string.Join(',', genomes[i])}";
            Assert.True(checks[i].Error == fast[i].ErrorPercent,
                $"{what}: error {fast[i].ErrorPercent} vs reference {checks[i].Error}");
            Assert.True(checks[i].Mflops == fast[i].Mflops,
                $"{what}: MFLOPs {fast[i].Mflops} vs reference {checks[i].Mflops}");
        }
    }

    /// <summary>Random genomes with no-ops in every position and thresholds 0 and 50 over-represented.</summary>
    internal static List<int[]> RandomGenomes(int seed, int poolModels, int count)
    {
        var random = new Random(seed);
        var result = new List<int[]>(count);
        for (int k = 0; k < count; k++)
        {
            var genome = new int[GenomeLayout.Length];
            for (int g = 0; g < GenomeLayout.MaxModels; g++)
            {
                genome[g] = random.NextDouble() < 0.3 ? 0 : random.Next(1, poolModels + 1);
            }

            for (int g = GenomeLayout.MaxModels; g < GenomeLayout.Length; g++)
            {
                double roll = random.NextDouble();
                genome[g] = roll < 0.1 ? 0 : roll < 0.2 ? 50 : roll < 0.3 ? 25 : random.Next(0, 51);
            }

            result.Add(genome);
        }

        return result;
    }
}
