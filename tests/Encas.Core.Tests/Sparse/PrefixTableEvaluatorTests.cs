using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;
using Encas.Core.Tests.Cascades;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Sparse;

/// <summary>
/// The prefix-table evaluator gives the dense exact evaluator's results bit for bit, with any table budget
/// (including constant eviction), on one thread or two, on random pools with ties, a generated pool, and rows
/// built to defeat the bounds; its byte kernel equals the scalar formula.
/// </summary>
public sealed class PrefixTableEvaluatorTests
{
    [Theory]
    [InlineData(41, 7, 300, 11, 1)]
    [InlineData(42, 9, 250, 7, 2)]
    [InlineData(43, 6, 200, 11, 3)]
    [InlineData(44, 6, 700, 3, 8)]
    public void Tables_equal_the_dense_on_random_pools_with_ties_for_any_budget_and_threads(int seed, int models,
        int samples, int classes, int k)
    {
        using var pool = new ImportedPool(RandomSourcePool.Create(seed, models, samples, classes));
        SparseOutputs.Build(pool.Pool, k);
        var genomes = PrefixSharingGenomes.Create(seed, models, 3000);

        foreach (var split in new[] { pool.Pool.Val, pool.Pool.Test })
        {
            var dense = new CascadeEvaluator(split);
            var sparse = FastScorer.Open(pool.Pool, dense, verifyChecksums: true).Sparse!;
            foreach (long budget in new[] { PrefixTableEvaluator.DefaultBudgetBytes, 5_000, 0 })
            {
                AssertSame(dense, new PrefixTableEvaluator(sparse, budget), genomes);
                AssertSame(dense, new PrefixTableEvaluator(sparse, budget) { Parallelism = 2 }, genomes);
            }

            for (int i = 0; i < genomes.Count; i += 50)
            {
                var check = ScalarReferenceEvaluator.Evaluate(split, genomes[i]);
                var score = new PrefixTableEvaluator(sparse).Evaluate(genomes[i]);
                Assert.Equal((check.Error, check.Mflops), (score.ErrorPercent, score.Mflops));
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)]
    public void Tables_equal_the_dense_on_a_generated_pool_and_are_reused(int k)
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 30, ValSamples = 3000, TestSamples = 10, Classes = 100, Seed = 11,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        SparseOutputs.Build(pool, k);
        var dense = new CascadeEvaluator(pool.Val);
        var fast = FastScorer.OpenSparseFirst(pool, PoolSplits.Val, verifyChecksums: true);
        var tables = (PrefixTableEvaluator)fast.CreateScorer();
        tables.Parallelism = 2;

        AssertSame(dense, tables, PrefixSharingGenomes.Create(12, 30, 10_000));

        Assert.True(tables.TableHits > tables.TableMisses, $"hits {tables.TableHits}, misses {tables.TableMisses}");
        Assert.False(fast.Dense.UsesScaledRows);
    }

    [Fact]
    public void Adversarial_rows_fall_back_to_the_dense_rows_and_stay_exact()
    {
        using var pool = new ImportedPool(SparseCascadeEvaluatorTests.AdversarialPool(seed: 6, models: 5,
            samples: 400, classes: 20));
        SparseOutputs.Build(pool.Pool, k: 2);
        var dense = new CascadeEvaluator(pool.Pool.Val);
        var tables = (PrefixTableEvaluator)FastScorer.OpenSparseFirst(pool.Pool, PoolSplits.Val).CreateScorer();
        var genomes = PrefixSharingGenomes.Create(10, 5, 3000);

        AssertSame(dense, tables, genomes);

        Assert.True(tables.Fallbacks > tables.Computed / 10,
            $"only {tables.Fallbacks} of {tables.Computed} entries fell back: the rows are not adversarial");
    }

    [Fact]
    public void Stay_word_equals_the_scalar_formula()
    {
        var random = new Random(3);
        var genes = new byte[64];
        for (int trial = 0; trial < 2000; trial++)
        {
            for (int j = 0; j < 64; j++)
            {
                genes[j] = (byte)(random.Next(4) == 0 ? 255 : random.Next(52));
            }

            byte gene = (byte)random.Next(52);
            ulong expected = 0;
            for (int j = 0; j < 64; j++)
            {
                expected |= genes[j] <= gene ? 1UL << j : 0;
            }

            Assert.Equal(expected, StayMask.Word(genes, gene));
            Assert.Equal(expected, StayMask.Scalar(genes, gene));
        }
    }

    [Fact]
    public void Lowest_staying_gene_is_the_first_gene_whose_limit_holds_the_maximum()
    {
        var random = new Random(4);
        for (int used = 1; used <= GenomeLayout.MaxModels; used++)
        {
            var values = Enumerable.Range(0, 3000).Select(_ => random.Next(used * (1 << 24) + 1))
                .Concat(Enumerable.Range(0, 51).SelectMany(g => new[] { -1, 0, 1 }
                    .Select(d => Math.Clamp(HalfScale.StayLimit(g, used) + d, 0, used << 24))));
            foreach (int max in values)
            {
                int expected = Enumerable.Range(0, 51).First(g => max <= HalfScale.StayLimit(g, used));
                Assert.Equal(expected, PrefixTableEvaluator.LowestStayingGene(max, used));
            }
        }
    }

    private static void AssertSame(CascadeEvaluator dense, PrefixTableEvaluator tables, List<int[]> genomes)
    {
        foreach (var genome in genomes)
        {
            var expected = dense.Evaluate(genome);
            var actual = tables.Evaluate(genome);
            Assert.True(expected == actual, $"genome {string.Join(',', genome)}: tables {actual}, dense {expected}");
        }
    }
}
