using Encas.Gomea.Engine;
using Encas.Gomea.Metrics;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Tests;

/// <summary>The evaluation counts and hypervolume ratios the reference measured (mo-gomea.md §8), reproduced.</summary>
public sealed class ReferenceFigureTests
{
    // §8.1: evaluations when the archive first held the whole known front (orig build, checked between steps).
    [Theory]
    [InlineData("zm", 50, 1, 7_500)]
    [InlineData("zm", 50, 2, 7_688)]
    [InlineData("zm", 50, 3, 3_518)]
    [InlineData("zm", 50, 4, 6_186)]
    [InlineData("zm", 50, 5, 3_462)]
    [InlineData("zm", 100, 1, 18_181)]
    [InlineData("zm", 100, 2, 18_019)]
    [InlineData("zm", 100, 3, 13_257)]
    [InlineData("zm", 100, 4, 13_347)]
    [InlineData("zm", 100, 5, 23_190)]
    [InlineData("zm", 200, 1, 63_022)]
    [InlineData("zm", 200, 2, 61_025)]
    [InlineData("zm", 200, 3, 69_226)]
    [InlineData("zm", 200, 4, 40_754)]
    [InlineData("zm", 200, 5, 43_322)]
    [InlineData("trap", 50, 1, 11_728)]
    [InlineData("trap", 50, 2, 10_454)]
    [InlineData("trap", 50, 3, 8_027)]
    [InlineData("trap", 50, 4, 17_878)]
    [InlineData("trap", 50, 5, 18_494)]
    [InlineData("trap", 100, 1, 45_719)]
    [InlineData("trap", 100, 2, 44_326)]
    [InlineData("trap", 100, 3, 55_219)]
    [InlineData("trap", 100, 4, 86_694)]
    [InlineData("trap", 100, 5, 38_117)]
    [InlineData("trap", 200, 1, 135_673)]
    [InlineData("trap", 200, 2, 107_760)]
    [InlineData("trap", 200, 3, 121_516)]
    [InlineData("trap", 200, 4, 106_928)]
    [InlineData("trap", 200, 5, 183_209)]
    [InlineData("lotz", 50, 1, 101_982)]
    [InlineData("lotz", 50, 2, 103_764)]
    [InlineData("lotz", 50, 3, 74_384)]
    [InlineData("lotz", 50, 4, 64_153)]
    [InlineData("lotz", 50, 5, 101_212)]
    public void KnownFront_EvaluationsAtFullFront_MatchReference(string problem, int length, int seed, long expected)
    {
        long evaluations = RunKnownFront(problem, length, seed);

        Assert.Equal(expected, evaluations);
    }

    [Theory]
    [InlineData(1, 716_971)]
    [InlineData(2, 770_506)]
    [InlineData(3, 700_641)]
    [InlineData(4, 545_307)]
    [InlineData(5, 729_839)]
    public void Lotz100WeakMutation_EvaluationsAtFullFront_MatchReference(int seed, long expected)
    {
        Assert.Equal(expected, RunKnownFront("lotz", 100, seed));
    }

    // §8.3: ENCAS build (integer genes, exact budget); the evaluation at which the last front point was first
    // evaluated.
    [Theory]
    [InlineData("binary100", 1, 17_913)]
    [InlineData("binary100", 2, 17_592)]
    [InlineData("binary100", 3, 13_180)]
    [InlineData("binary100", 4, 13_078)]
    [InlineData("binary100", 5, 21_771)]
    [InlineData("k4l50", 1, 26_766)]
    [InlineData("k4l50", 2, 25_105)]
    [InlineData("k4l50", 3, 24_690)]
    [InlineData("k4l50", 4, 26_779)]
    [InlineData("k4l50", 5, 24_209)]
    [InlineData("alphanet", 1, 4_291)]
    [InlineData("alphanet", 2, 6_257)]
    [InlineData("alphanet", 3, 4_368)]
    [InlineData("alphanet", 4, 4_843)]
    [InlineData("alphanet", 5, 3_736)]
    [InlineData("nat", 1, 27_467)]
    [InlineData("nat", 2, 28_821)]
    [InlineData("nat", 3, 38_012)]
    [InlineData("nat", 4, 32_079)]
    [InlineData("nat", 5, 38_424)]
    public void IntegerAlphabets_EvaluationOfLastFrontPoint_MatchesReference(string alphabet, int seed, long expected)
    {
        GeneAlphabet genes = alphabet switch
        {
            "binary100" => GeneAlphabet.Uniform(100, 2),
            "k4l50" => GeneAlphabet.Uniform(50, 4),
            "alphanet" => ReadAlphabet("full_alphanet", 28),
            _ => ReadAlphabet("full_nat", 22),
        };
        var problem = new IntegerZeromaxOnemax(genes);
        var recorder = new FrontDiscoveryRecorder(problem, problem.ParetoFront());
        var engine = new GomeaEngine(recorder, new GomeaOptions
        {
            Seed = seed,
            MaxEvaluations = 300_000,
            StopMode = StopMode.Exact,
        });

        while (recorder.CompletedAt is null && engine.RunUntil(engine.Evaluations + 1))
        {
        }

        Assert.Equal(expected, recorder.CompletedAt);
    }

    // §8.2: MAXCUT 12 reaches the whole reference front (HV ratio 1) with every seed; 6 archive members.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Maxcut12_Budget50k_FindsWholeReferenceFront(int seed)
    {
        (GomeaEngine engine, double ratio) = RunMaxcut(12, seed, 50_000);

        Assert.Equal(1.0, ratio, 1e-12);
        Assert.Equal(6, engine.Archive.Count);
        Assert.InRange(engine.Evaluations, 50_003, 50_292);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Maxcut25_Budget500k_FindsWholeReferenceFront(int seed)
    {
        (GomeaEngine engine, double ratio) = RunMaxcut(25, seed, 500_000);

        Assert.Equal(1.0, ratio, 1e-12);
        Assert.Equal(17, engine.Archive.Count);
    }

    // §8.2, remaining rows: HV ratios to 6 decimals and the final evaluation count of each run.
    [Theory]
    [InlineData("mc", 50, 1_000_000, 1, 0.999983)]
    [InlineData("mc", 50, 1_000_000, 2, 0.999991)]
    [InlineData("mc", 50, 1_000_000, 3, 0.999998)]
    [InlineData("mc", 50, 1_000_000, 4, 0.999998)]
    [InlineData("mc", 50, 1_000_000, 5, 0.999988)]
    [InlineData("kn", 100, 1_000_000, 1, 0.998288)]
    [InlineData("kn", 100, 1_000_000, 2, 0.999437)]
    [InlineData("kn", 100, 1_000_000, 3, 0.999413)]
    [InlineData("kn", 100, 1_000_000, 4, 0.998257)]
    [InlineData("kn", 100, 1_000_000, 5, 0.998232)]
    public void FixedBudget_HypervolumeRatio_MatchesReference(
        string problem, int length, long budget, int seed, double expected)
    {
        double ratio = problem == "mc" ? RunMaxcut(length, seed, budget).Ratio : RunKnapsack(length, seed, budget);

        Assert.Equal(expected, Math.Round(ratio, 6));
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("mc", 50, 5_000_000, 1, 0.999988)]
    [InlineData("mc", 50, 5_000_000, 2, 0.999999)]
    [InlineData("mc", 50, 5_000_000, 3, 0.999999)]
    [InlineData("mc", 50, 5_000_000, 4, 0.999998)]
    [InlineData("mc", 50, 5_000_000, 5, 0.999993)]
    [InlineData("mc", 100, 2_000_000, 1, 0.998990)]
    [InlineData("mc", 100, 2_000_000, 2, 0.999589)]
    [InlineData("mc", 100, 2_000_000, 3, 0.999271)]
    [InlineData("mc", 100, 2_000_000, 4, 0.997063)]
    [InlineData("mc", 100, 2_000_000, 5, 0.999352)]
    [InlineData("kn", 250, 2_000_000, 1, 0.993366)]
    [InlineData("kn", 250, 2_000_000, 2, 0.994198)]
    [InlineData("kn", 250, 2_000_000, 3, 0.992050)]
    [InlineData("kn", 250, 2_000_000, 4, 0.993412)]
    [InlineData("kn", 250, 2_000_000, 5, 0.992536)]
    public void FixedBudgetLong_HypervolumeRatio_MatchesReference(
        string problem, int length, long budget, int seed, double expected)
    {
        FixedBudget_HypervolumeRatio_MatchesReference(problem, length, budget, seed, expected);
    }

    internal static double RunKnapsack(int length, int seed, long budget)
    {
        string folder = SharedData.Require("knapsack");
        KnapsackInstance instance = KnapsackInstance.Read(Path.Combine(folder, $"knapsack.{length}.2.txt"), length);
        double[][] front = ReferenceFront.Read(Path.Combine(folder, $"knapsack.{length}.2.pareto"));
        var engine = new GomeaEngine(new Knapsack(instance, repair: true), new GomeaOptions
        {
            Seed = seed, MaxEvaluations = budget, ArchiveTarget = 2000,
        });
        engine.Run();
        double hv = Hypervolume2D.Compute(Enumerable.Range(0, engine.Archive.Count)
            .Select(i => (IReadOnlyList<double>)engine.Archive.Objectives(i).ToArray()));
        return hv / Hypervolume2D.Compute(front);
    }

    internal static (GomeaEngine Engine, double Ratio) RunMaxcut(int length, int seed, long budget)
    {
        string folder = SharedData.Require("maxcut");
        var problem = new Maxcut([
            MaxcutInstance.Read(Path.Combine(folder, $"maxcut_instance_{length}_0.txt"), length),
            MaxcutInstance.Read(Path.Combine(folder, $"maxcut_instance_{length}_1.txt"), length)]);
        double[][] front = ReferenceFront.Read(Path.Combine(folder, $"maxcut_pareto_front_{length}.txt"));
        var engine = new GomeaEngine(problem, new GomeaOptions { Seed = seed, MaxEvaluations = budget });
        engine.Run();
        double hv = Hypervolume2D.Compute(Enumerable.Range(0, engine.Archive.Count)
            .Select(i => (IReadOnlyList<double>)engine.Archive.Objectives(i).ToArray()));
        return (engine, hv / Hypervolume2D.Compute(front));
    }

    private static GeneAlphabet ReadAlphabet(string name, int length)
    {
        string upper = SharedData.Require("encas_alphabets", name + ".txt");
        string lower = SharedData.Require("encas_alphabets", name + "_lb.txt");
        return new GeneAlphabet(ReferenceFront.ReadIntegers(lower, length), ReferenceFront.ReadIntegers(upper, length));
    }

    private static long RunKnownFront(string problem, int length, int seed)
    {
        GomeaEngine engine = problem switch
        {
            "zm" => GoldenTraceTests.RunWithKnownFront(
                new ZeromaxOnemax(length), ZeromaxOnemax.ParetoFront(length), seed),
            "trap" => GoldenTraceTests.RunWithKnownFront(new TrapFive(length), TrapFive.ParetoFront(length), seed),
            _ => GoldenTraceTests.RunWithKnownFront(
                new LeadingOnesTrailingZeros(length), LeadingOnesTrailingZeros.ParetoFront(length), seed,
                MutationMode.Weak, budget: 20_000_000),
        };
        Assert.NotNull(engine.TargetFrontCoveredAt);
        return engine.Evaluations;
    }
}
