using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Cascades;

/// <summary>The stage-caching evaluator gives the dense exact evaluator's results bit for bit.</summary>
public sealed class StageCacheEvaluatorTests
{
    [Theory]
    [InlineData(21, 7, 300, 3)]
    [InlineData(22, 9, 250, 2)]
    [InlineData(23, 6, 200, 11)]
    public void Cached_scores_equal_the_dense_and_the_scalar_reference_on_random_pools(int seed, int models,
        int samples, int classes)
    {
        using var pool = new ImportedPool(RandomSourcePool.Create(seed, models, samples, classes));
        var genomes = PrefixSharingGenomes.Create(seed, models, 3000);

        foreach (var split in new[] { pool.Pool.Val, pool.Pool.Test })
        {
            var dense = new CascadeEvaluator(split);
            var halves = new CascadeEvaluator(split, scaledBudgetBytes: 0);
            AssertSameAsDense(dense, new StageCacheEvaluator(dense), genomes);
            AssertSameAsDense(dense, new StageCacheEvaluator(halves), genomes);
            AssertSameAsDense(dense, new StageCacheEvaluator(dense, budgetBytes: 20_000), genomes);
            AssertSameAsDense(dense, new StageCacheEvaluator(dense, budgetBytes: 0), genomes);
            for (int i = 0; i < genomes.Count; i += 10)
            {
                var check = ScalarReferenceEvaluator.Evaluate(split, genomes[i]);
                var score = dense.Evaluate(genomes[i]);
                Assert.Equal(check.Error, score.ErrorPercent);
                Assert.Equal(check.Mflops, score.Mflops);
            }
        }
    }

    [Fact]
    public void Cached_scores_equal_the_dense_on_a_generated_pool_and_the_cache_is_used()
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 30, ValSamples = 2000, TestSamples = 10, Classes = 100, Seed = 3,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        var dense = new CascadeEvaluator(pool.Val);
        var cached = new StageCacheEvaluator(dense);

        AssertSameAsDense(dense, cached, PrefixSharingGenomes.Create(4, 30, 4000));

        Assert.True(cached.Hits > 1000, $"hits {cached.Hits}, misses {cached.Misses}");
    }

    internal static void AssertSameAsDense(CascadeEvaluator dense, StageCacheEvaluator cached, List<int[]> genomes)
    {
        foreach (var genome in genomes)
        {
            var expected = dense.Evaluate(genome);
            var actual = cached.Evaluate(genome);
            Assert.True(expected == actual,
                $"genome {string.Join(',', genome)}: cached {actual}, dense {expected}");
        }
    }
}
