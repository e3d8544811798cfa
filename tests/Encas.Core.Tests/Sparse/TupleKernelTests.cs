using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Sparse;

/// <summary>
/// The tuple kernel's certificates: whenever it decides an entry, the maximum and the first argmax equal the exact
/// sum of the dense rows, on a generated pool and on random rows with ties; rows built to defeat the bounds are
/// declined and left to the general method.
/// </summary>
public sealed class TupleKernelTests
{
    [Fact]
    public void Decided_entries_equal_the_dense_sum_on_a_generated_pool()
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 12, ValSamples = 1500, TestSamples = 10, Classes = 100, Seed = 5,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        SparseOutputs.Build(pool, 8);

        var (decided, declined) = Check(pool, tuples: 300, seed: 1);

        Assert.True(decided > 100 * declined, $"decided {decided}, declined {declined}: the certificates rarely hold");
    }

    [Theory]
    [InlineData(21, 16)]
    [InlineData(22, 12)]
    [InlineData(23, 9)]
    public void Decided_entries_equal_the_dense_sum_on_random_rows_with_ties(int seed, int classes)
    {
        // Random rows with tied values and flat tails: some entries certify, others are left to the general method.
        using var pool = new ImportedPool(RandomSourcePool.Create(seed, models: 6, samples: 500, classes));
        SparseOutputs.Build(pool.Pool, 8);

        var (decided, declined) = Check(pool.Pool, tuples: 400, seed: seed);

        Assert.True(decided > 0 && declined > 0, $"decided {decided}, declined {declined}: one path never ran");
    }

    [Fact]
    public void Rows_built_to_defeat_the_bounds_are_declined()
    {
        using var pool = new ImportedPool(SparseCascadeEvaluatorTests.AdversarialPool(seed: 9, models: 6,
            samples: 500, classes: 24));
        SparseOutputs.Build(pool.Pool, 8);

        var (_, declined) = Check(pool.Pool, tuples: 100, seed: 2);

        Assert.True(declined > 0, "the kernel decided every adversarial entry");
    }

    private static (long Decided, long Declined) Check(Pool pool, int tuples, int seed)
    {
        var fast = FastScorer.OpenSparseFirst(pool, PoolSplits.Val);
        var sparse = fast.Sparse!;
        Assert.True(TupleKernel.IsSupported(sparse.Tables), "no 128-bit vectors on this machine");
        var split = pool.Val;
        var random = new Random(seed);
        var kernel = new TupleKernel();
        long decided = 0;
        long declined = 0;
        for (int t = 0; t < tuples; t++)
        {
            int[] models = [.. Enumerable.Range(0, random.Next(2, GenomeLayout.MaxModels + 1))
                .Select(_ => random.Next(split.Models))];
            kernel.Bind(sparse.Tables, models);
            for (int i = 0; i < split.Samples; i++)
            {
                if (!kernel.TrySumMaxArg(i, out int max, out int arg))
                {
                    declined++;
                    continue;
                }

                decided++;
                var (denseMax, denseArg) = DenseMaxArg(split, models, i);
                Assert.True((denseMax, denseArg) == (max, arg),
                    $"models [{string.Join(',', models)}], sample {i}: kernel ({max}, {arg}), dense "
                    + $"({denseMax}, {denseArg})");
            }
        }

        return (decided, declined);
    }

    private static (int Max, int Arg) DenseMaxArg(PoolSplit split, int[] models, int i)
    {
        var sum = new int[split.Classes];
        foreach (int m in models)
        {
            var row = split.Outputs[m].Row(i);
            for (int c = 0; c < split.Classes; c++)
            {
                sum[c] += HalfScale.Table[BitConverter.HalfToUInt16Bits(row[c])];
            }
        }

        int arg = 0;
        for (int c = 1; c < sum.Length; c++)
        {
            arg = sum[c] > sum[arg] ? c : arg;
        }

        return (sum[arg], arg);
    }
}
