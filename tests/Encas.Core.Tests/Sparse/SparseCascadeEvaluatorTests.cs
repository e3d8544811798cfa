using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;
using Encas.Core.Tests.Cascades;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Sparse;

/// <summary>
/// The certified sparse evaluator gives the dense exact evaluator's results bit for bit, whether the bounds
/// decide or the dense fallback does, including on rows built so that the bounds cannot decide.
/// </summary>
public sealed class SparseCascadeEvaluatorTests
{
    [Theory]
    [InlineData(31, 7, 300, 11, 1)]
    [InlineData(32, 9, 250, 7, 2)]
    [InlineData(33, 6, 200, 11, 3)]
    [InlineData(34, 6, 200, 3, 8)]
    public void Sparse_scores_equal_the_dense_on_random_pools_with_ties(int seed, int models, int samples,
        int classes, int k)
    {
        using var pool = new ImportedPool(RandomSourcePool.Create(seed, models, samples, classes));
        SparseOutputs.Build(pool.Pool, k);
        var genomes = PrefixSharingGenomes.Create(seed, models, 4000);

        foreach (var split in new[] { pool.Pool.Val, pool.Pool.Test })
        {
            var (sparse, dense) = Open(pool.Pool, split);
            AssertSame(dense, sparse, genomes);
            for (int i = 0; i < genomes.Count; i += 20)
            {
                var check = ScalarReferenceEvaluator.Evaluate(split, genomes[i]);
                Assert.Equal((check.Error, check.Mflops), (sparse.Evaluate(genomes[i]).ErrorPercent,
                    sparse.Evaluate(genomes[i]).Mflops));
            }
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)]
    public void Sparse_scores_equal_the_dense_on_a_generated_pool(int k)
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 30, ValSamples = 2000, TestSamples = 10, Classes = 100, Seed = 7,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        SparseOutputs.Build(pool, k);
        var (sparse, dense) = Open(pool, pool.Val);

        AssertSame(dense, sparse, PrefixSharingGenomes.Create(8, 30, 10_000));

        Assert.True(sparse.Continued > 0);
    }

    [Fact]
    public void Adversarial_rows_defeat_the_bounds_and_fall_back_to_the_exact_answer()
    {
        using var pool = new ImportedPool(AdversarialPool(seed: 5, models: 5, samples: 300, classes: 20));
        SparseOutputs.Build(pool.Pool, k: 2);
        var (sparse, dense) = Open(pool.Pool, pool.Pool.Val);
        var genomes = PrefixSharingGenomes.Create(9, 5, 3000);

        AssertSame(dense, sparse, genomes);
        foreach (var genome in genomes.Take(200))
        {
            var check = ScalarReferenceEvaluator.Evaluate(pool.Pool.Val, genome);
            Assert.Equal(check.Error, sparse.Evaluate(genome).ErrorPercent);
        }

        Assert.True(sparse.Fallbacks > sparse.Continued / 10,
            $"only {sparse.Fallbacks} of {sparse.Continued} samples fell back: the rows are not adversarial");
    }

    [Fact]
    public void A_sidecar_built_for_another_pool_json_is_refused()
    {
        using var pool = new ImportedPool(RandomSourcePool.Create(1, 3, 50, 4));
        SparseOutputs.Build(pool.Pool, 2);
        File.AppendAllText(Path.Combine(pool.Pool.Directory, PoolManifest.FileName), " ");

        var error = Assert.Throws<InvalidDataException>(() => FastScorer.Open(pool.Pool,
            new CascadeEvaluator(pool.Pool.Val)));

        Assert.Contains("another pool.json", error.Message);
    }

    private static (SparseCascadeEvaluator Sparse, CascadeEvaluator Dense) Open(Pool pool, PoolSplit split)
    {
        var dense = new CascadeEvaluator(split);
        var fast = FastScorer.Open(pool, dense, verifyChecksums: true);
        Assert.NotNull(fast.Sparse);
        return (fast.Sparse!, dense);
    }

    private static void AssertSame(CascadeEvaluator dense, SparseCascadeEvaluator sparse, List<int[]> genomes)
    {
        var halves = new CascadeEvaluator(dense.Split, scaledBudgetBytes: 0);
        foreach (var genome in genomes)
        {
            var expected = dense.Evaluate(genome);
            var actual = sparse.Evaluate(genome);
            Assert.True(expected == actual, $"genome {string.Join(',', genome)}: sparse {actual}, dense {expected}");
            Assert.Equal(expected, halves.Evaluate(genome));
        }
    }

    // Each model lists two classes of its own at 0.12–0.13; a class shared by all models sits just below them
    // (unlisted), so averages are won by a class no model lists, and maxima sit near the thresholds 0.1–0.5.
    internal static SourcePool AdversarialPool(int seed, int models, int samples, int classes)
    {
        var random = new Random(seed);
        var pool = new SourcePool();
        var shared = Enumerable.Range(0, samples).Select(_ => random.Next(classes)).ToArray();
        foreach (string split in new[] { "val", "test" })
        {
            pool.Labels[split] = shared.Select(c => random.NextDouble() < 0.7 ? c : random.Next(classes)).ToArray();
        }

        for (int m = 0; m < models; m++)
        {
            var values = new float[samples, classes];
            for (int i = 0; i < samples; i++)
            {
                float sharedValue = random.NextDouble() < 0.5 ? 0.115f : 0.125f;
                var others = Enumerable.Range(0, classes).Where(c => c != shared[i]).OrderBy(_ => random.Next())
                    .ToArray();
                values[i, shared[i]] = sharedValue;
                values[i, others[0]] = 0.125f;
                values[i, others[1]] = 0.125f;
                float rest = (1f - sharedValue - 0.25f) / (classes - 3);
                for (int j = 2; j < others.Length; j++)
                {
                    values[i, others[j]] = rest;
                }
            }

            pool.Add($"adversarial{m}", 10 * (m + 1), values, values);
        }

        return pool;
    }
}
