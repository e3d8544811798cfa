using Encas.Gomea.Engine;
using Encas.Gomea.Metrics;
using Encas.Gomea.Problems;
using Encas.Gomea.Random;

namespace Encas.Gomea.Tests;

public sealed class ProblemTests
{
    [Fact]
    public void Maxcut_IncrementalEvaluation_EqualsFileOrderSum()
    {
        string folder = SharedData.Require("maxcut");
        MaxcutInstance[] graphs = [
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_50_0.txt"), 50),
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_50_1.txt"), 50)];
        var problem = new Maxcut(graphs);
        var rng = new Lcg48(11);
        int[] genes = new int[50];
        var objectives = new double[2];

        for (int t = 0; t < 2000; t++)
        {
            int flips = t % 7 == 0 ? 40 : 1 + rng.NextInt(6);
            for (int f = 0; f < flips; f++)
            {
                genes[rng.NextInt(50)] ^= 1;
            }

            problem.Evaluate(genes, objectives, -1);

            Assert.Equal(FileOrderCut(graphs[0], genes), objectives[0]);
            Assert.Equal(FileOrderCut(graphs[1], genes), objectives[1]);
        }
    }

    [Fact]
    public void Maxcut_FractionalWeights_UseTheFileOrderSum()
    {
        var graph = new MaxcutInstance(3, [0, 1, 0], [1, 2, 2], [0.1, 0.2, 0.3]);
        var problem = new Maxcut([graph, graph]);
        var objectives = new double[2];

        problem.Evaluate(new[] { 0, 1, 1 }, objectives, -1);

        Assert.Equal(0.1 + 0.3, objectives[0]);
    }

    [Fact]
    public void Knapsack100_Repair_Seed1_MatchesReferenceRatioAndFinalCount()
    {
        string folder = SharedData.Require("knapsack");
        KnapsackInstance instance = KnapsackInstance.Read(Path.Combine(folder, "knapsack.100.2.txt"), 100);
        var problem = new Knapsack(instance, repair: true);
        double[][] front = ReferenceFront.Read(Path.Combine(folder, "knapsack.100.2.pareto"));
        var engine = new GomeaEngine(problem, new GomeaOptions
        {
            Seed = 1, MaxEvaluations = 1_000_000, ArchiveTarget = 2000,
        });

        engine.Run();

        double hv = Hypervolume2D.Compute(Enumerable.Range(0, engine.Archive.Count)
            .Select(i => (IReadOnlyList<double>)engine.Archive.Objectives(i).ToArray()));
        Assert.Equal(0.998288, Math.Round(hv / Hypervolume2D.Compute(front), 6));
        Assert.Equal(1_014_783, engine.Evaluations);
    }

    [Fact]
    public void KnapsackReader_NamesFileAndLineOfABadToken()
    {
        string path = Path.Combine(Path.GetTempPath(), $"knap-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "2 2\n\n+10\n1\n+3\nx4\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => KnapsackInstance.Read(path, 2));

            Assert.Contains($"{path}:6:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hypervolume2D_OfAStaircase()
    {
        double[][] points = [[3, 1], [1, 3], [2, 2], [1, 1]];

        Assert.Equal(6.0, Hypervolume2D.Compute(points));
        Assert.Equal(0.0, Hypervolume2D.Compute([]));
    }

    [Fact]
    public void TrapFive_ValuesFollowTheBlockRule()
    {
        var trap = new TrapFive(10);
        var objectives = new double[2];

        trap.Evaluate(new[] { 1, 1, 1, 1, 1, 0, 0, 1, 0, 0 }, objectives, -1);

        Assert.Equal(5 + 3, objectives[0]);
        Assert.Equal(4 + 0, objectives[1]);
    }

    private static double FileOrderCut(MaxcutInstance g, int[] genes)
    {
        double cut = 0.0;
        for (int e = 0; e < g.Weights.Length; e++)
        {
            if (genes[g.From[e]] != genes[g.To[e]])
            {
                cut += g.Weights[e];
            }
        }

        return cut;
    }
}
