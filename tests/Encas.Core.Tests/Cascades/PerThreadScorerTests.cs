using Encas.Core.Bench;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Cascades;

/// <summary>
/// Threads sharing a <see cref="PerThreadScorer"/> of prefix-table evaluators (as the islands of a search node
/// do) get the dense exact scores, each thread through its own evaluator, and disposing stops them all.
/// </summary>
public sealed class PerThreadScorerTests
{
    [Fact]
    public void Threads_score_through_their_own_evaluators_and_equal_the_dense()
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 20, ValSamples = 2000, TestSamples = 10, Classes = 100, Seed = 3,
        });
        using var pool = Pool.Open(dir.Combine("p"));
        SparseOutputs.Build(pool, 8);
        var dense = new CascadeEvaluator(pool.Val);
        var fast = FastScorer.OpenSparseFirst(pool, PoolSplits.Val, budgetBytes: 4 << 20);
        var made = new List<ICascadeScorer>();
        var shared = new PerThreadScorer(() =>
        {
            var scorer = fast.CreateScorer();
            lock (made)
            {
                made.Add(scorer);
            }

            return scorer;
        }, dense.PoolModels);
        var genomes = PrefixSharingGenomes.Create(5, 20, 4000);

        var results = new CascadeScore[genomes.Count];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, part =>
        {
            for (int g = part; g < genomes.Count; g += 4)
            {
                results[g] = shared.Evaluate(Phenotype.FromGenome(genomes[g]));
            }
        });

        for (int g = 0; g < genomes.Count; g++)
        {
            Assert.Equal(dense.Evaluate(Phenotype.FromGenome(genomes[g])), results[g]);
        }

        Assert.Equal(shared.Count, made.Count);
        Assert.InRange(made.Count, 1, 4);
        Assert.All(made, scorer => Assert.IsType<PrefixTableEvaluator>(scorer));
        shared.Dispose();
    }
}
