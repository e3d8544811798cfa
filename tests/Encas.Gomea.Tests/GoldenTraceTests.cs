using System.Globalization;
using Encas.Gomea.Engine;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Tests;

public sealed class GoldenTraceTests
{
    [Fact]
    public void ZeromaxOnemax100_Seed1_ReproducesStatistics()
    {
        string golden = SharedData.Require("golden", "zm100_seed1_statistics.dat");
        GomeaEngine engine = RunWithKnownFront(new ZeromaxOnemax(100), ZeromaxOnemax.ParetoFront(100), seed: 1);

        GoldenStatistics.AssertMatches(golden, engine.Steps);
        Assert.Equal(18_181, engine.Evaluations);
    }

    [Fact]
    public void ZeromaxOnemax100_Seed1_FinalArchiveMatchesGoldenFrontInOrder()
    {
        string golden = SharedData.Require("golden", "zm100_seed1_final_front.txt");
        GomeaEngine engine = RunWithKnownFront(new ZeromaxOnemax(100), ZeromaxOnemax.ParetoFront(100), seed: 1);

        string[] expected = File.ReadAllLines(golden).Where(l => l.Trim().Length > 0).ToArray();
        string[] actual = Enumerable.Range(0, engine.Archive.Count)
            .Select(i => string.Join(' ', engine.Archive.Objectives(i).ToArray()
                .Select(v => v.ToString("0.000000e+00", CultureInfo.InvariantCulture))))
            .ToArray();

        Assert.Equal(expected.Select(l => l.Trim()), actual);
    }

    [Fact]
    public void TrapFive100_Seed1_ReproducesStatistics()
    {
        string golden = SharedData.Require("golden", "trap5_100_seed1_statistics.dat");
        GomeaEngine engine = RunWithKnownFront(new TrapFive(100), TrapFive.ParetoFront(100), seed: 1);

        GoldenStatistics.AssertMatches(golden, engine.Steps);
        Assert.Equal(45_719, engine.Evaluations);
    }

    [Fact]
    public void Maxcut25_Seed1_Budget500k_ReproducesStatistics()
    {
        string golden = SharedData.Require("golden", "maxcut25_seed1_budget500k_statistics.dat");
        string folder = SharedData.Require("maxcut");
        var problem = new Maxcut([
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_0.txt"), 25),
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_1.txt"), 25)]);
        var engine = new GomeaEngine(problem, new GomeaOptions { Seed = 1, MaxEvaluations = 500_000 });

        engine.Run();

        GoldenStatistics.AssertMatches(golden, engine.Steps);
    }

    [Fact]
    public void IntegerZeromaxOnemax_K4_L50_Seed1_ExactBudget_ReproducesStatistics()
    {
        string golden = SharedData.Require("golden", "intk4_l50_seed1_budget300k_statistics.dat");
        var problem = new IntegerZeromaxOnemax(GeneAlphabet.Uniform(50, 4));
        var engine = new GomeaEngine(problem, new GomeaOptions
        {
            Seed = 1,
            MaxEvaluations = 300_000,
            StopMode = StopMode.Exact,
        });

        engine.Run();

        GoldenStatistics.AssertMatches(golden, engine.Steps);
        Assert.Equal(300_000, engine.Evaluations);
    }

    internal static GomeaEngine RunWithKnownFront(
        IObjectiveFunction problem, double[][] front, long seed, MutationMode mutation = MutationMode.None,
        long budget = 10_000_000)
    {
        var engine = new GomeaEngine(problem, new GomeaOptions
        {
            Seed = seed,
            MaxEvaluations = budget,
            Mutation = mutation,
            TargetFront = front,
            StopWhenTargetFrontCovered = true,
        });
        engine.Run();
        return engine;
    }
}
