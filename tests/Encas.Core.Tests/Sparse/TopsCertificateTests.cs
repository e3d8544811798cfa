using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Sparse;

/// <summary>
/// The tops certificate of <see cref="SparseCascadeEvaluator"/> is exact whenever it decides: its maximum and
/// argmax equal a brute-force sum of the dense rows, for tuples of two to five models (repeats included), on
/// random pools with ties, rows built to defeat the bounds and a generated pool; its vector class lookup equals
/// the scalar one.
/// </summary>
public sealed class TopsCertificateTests
{
    [Theory]
    [InlineData(51, 7, 300, 11, 8, false)]
    [InlineData(52, 6, 400, 3, 8, false)]
    [InlineData(53, 6, 300, 20, 2, false)]
    [InlineData(54, 5, 400, 20, 8, true)]
    [InlineData(55, 5, 400, 20, 2, true)]
    public void Tops_certificate_equals_the_dense_sum_when_it_decides(int seed, int models, int samples,
        int classes, int k, bool adversarial)
    {
        using var pool = new ImportedPool(adversarial
            ? SparseCascadeEvaluatorTests.AdversarialPool(seed, models, samples, classes)
            : RandomSourcePool.Create(seed, models, samples, classes));
        SparseOutputs.Build(pool.Pool, k);
        foreach (var split in new[] { pool.Pool.Val, pool.Pool.Test })
        {
            var sparse = FastScorer.Open(pool.Pool, new CascadeEvaluator(split), verifyChecksums: true).Sparse!;
            CheckTuples(sparse, split, seed, 400);
            CheckListed(sparse, split, seed);
        }
    }

    [Fact]
    public void Tops_certificate_decides_most_disagreeing_samples_of_a_generated_pool_exactly()
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 12, ValSamples = 1500, TestSamples = 10, Classes = 100, Seed = 7,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        SparseOutputs.Build(pool, 8);
        var sparse = FastScorer.Open(pool, new CascadeEvaluator(pool.Val), verifyChecksums: true).Sparse!;

        int decided = CheckTuples(sparse, pool.Val, 8, 60);
        CheckListed(sparse, pool.Val, 8);

        Assert.True(decided > 0, "the certificate never decided");
    }

    // Random tuples of 2–5 models; returns how many (tuple, sample) pairs the certificate decided.
    private static int CheckTuples(SparseCascadeEvaluator sparse, PoolSplit split, int seed, int tuples)
    {
        var random = new Random(seed);
        var table = HalfScale.Table;
        var sum = new long[split.Classes];
        int decided = 0;
        for (int t = 0; t < tuples; t++)
        {
            var models = new int[random.Next(2, GenomeLayout.MaxModels + 1)];
            for (int s = 0; s < models.Length; s++)
            {
                models[s] = random.Next(split.Models);
            }

            for (int i = 0; i < split.Samples; i++)
            {
                if (!sparse.TopsCertificate(i, models, out int max, out int arg))
                {
                    continue;
                }

                Array.Clear(sum);
                foreach (int m in models)
                {
                    var row = split.Outputs[m].Row(i);
                    for (int c = 0; c < sum.Length; c++)
                    {
                        sum[c] += table[BitConverter.HalfToUInt16Bits(row[c])];
                    }
                }

                int best = 0;
                for (int c = 1; c < sum.Length; c++)
                {
                    best = sum[c] > sum[best] ? c : best;
                }

                Assert.True((sum[best], best) == (max, arg),
                    $"models {string.Join(',', models)}, sample {i}: certificate ({max}, {arg}), dense "
                    + $"({sum[best]}, {best})");
                decided++;
            }
        }

        return decided;
    }

    private static void CheckListed(SparseCascadeEvaluator sparse, PoolSplit split, int seed)
    {
        var random = new Random(seed + 1);
        for (int trial = 0; trial < 5000; trial++)
        {
            int model = random.Next(split.Models);
            int i = random.Next(split.Samples);
            int c = random.Next(4) == 0 ? 0 : random.Next(split.Classes);
            Assert.Equal(sparse.ListedScalar(model, i, c), sparse.Listed(model, i, c));
        }
    }
}
