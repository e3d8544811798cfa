using Encas.Gomea.Archive;
using Encas.Gomea.Engine;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Tests;

public sealed class EngineStateTests
{
    [Theory]
    [InlineData(StopMode.EndOfGeneration, 5_000)]
    [InlineData(StopMode.EndOfGeneration, 37_000)]
    [InlineData(StopMode.Exact, 100_000)]
    public void SnapshotRestoreContinue_GivesTheUninterruptedTrajectory(StopMode mode, long pauseAt)
    {
        var options = new GomeaOptions { Seed = 3, MaxEvaluations = 150_000, StopMode = mode };
        var uninterrupted = new GomeaEngine(new IntegerZeromaxOnemax(GeneAlphabet.Uniform(30, 3)), options);
        uninterrupted.Run();

        var first = new GomeaEngine(new IntegerZeromaxOnemax(GeneAlphabet.Uniform(30, 3)), options);
        Assert.True(first.RunUntil(pauseAt));
        byte[] snapshot = first.Snapshot();
        var resumed = new GomeaEngine(new IntegerZeromaxOnemax(GeneAlphabet.Uniform(30, 3)), options);
        resumed.Restore(snapshot);
        resumed.Run();

        Assert.Equal(uninterrupted.Steps, resumed.Steps);
        Assert.Equal(uninterrupted.Evaluations, resumed.Evaluations);
        AssertSameArchive(uninterrupted.Archive, resumed.Archive);
    }

    [Fact]
    public void SnapshotRestore_MidRun_ReproducesGoldenMaxcutTrace()
    {
        string golden = SharedData.Require("golden", "maxcut25_seed1_budget500k_statistics.dat");
        GomeaEngine first = CreateMaxcut25();
        first.RunUntil(123_456);
        byte[] snapshot = first.Snapshot();

        GomeaEngine resumed = CreateMaxcut25();
        resumed.Restore(snapshot);
        resumed.Run();

        GoldenStatistics.AssertMatches(golden, resumed.Steps);
    }

    [Fact]
    public void ChunkedRun_RestoredIntoAFreshEngineAtEveryChunk_ReproducesGoldenTrace()
    {
        string golden = SharedData.Require("golden", "zm100_seed1_statistics.dat");
        var options = new GomeaOptions
        {
            Seed = 1,
            MaxEvaluations = 10_000_000,
            TargetFront = ZeromaxOnemax.ParetoFront(100),
            StopWhenTargetFrontCovered = true,
        };
        var engine = new GomeaEngine(new ZeromaxOnemax(100), options);

        while (engine.RunUntil(engine.Evaluations + 700))
        {
            byte[] snapshot = engine.Snapshot();
            engine = new GomeaEngine(new ZeromaxOnemax(100), options);
            engine.Restore(snapshot);
        }

        GoldenStatistics.AssertMatches(golden, engine.Steps);
        Assert.Equal(18_181, engine.TargetFrontCoveredAt);
    }

    [Fact]
    public void SameSeed_SameTrajectory_DifferentSeed_DifferentTrajectory()
    {
        GomeaEngine a = GoldenTraceTests.RunWithKnownFront(new TrapFive(50), TrapFive.ParetoFront(50), seed: 9);
        GomeaEngine b = GoldenTraceTests.RunWithKnownFront(new TrapFive(50), TrapFive.ParetoFront(50), seed: 9);
        GomeaEngine c = GoldenTraceTests.RunWithKnownFront(new TrapFive(50), TrapFive.ParetoFront(50), seed: 10);

        Assert.Equal(a.Steps, b.Steps);
        AssertSameArchive(a.Archive, b.Archive);
        Assert.NotEqual(a.Steps, c.Steps);
    }

    [Fact]
    public void Restore_RejectsGarbageAndForeignSnapshots()
    {
        var engine = new GomeaEngine(new ZeromaxOnemax(20), new GomeaOptions { Seed = 1 });
        var other = new GomeaEngine(new ZeromaxOnemax(21), new GomeaOptions { Seed = 1 });
        other.RunUntil(100);

        Assert.Throws<InvalidDataException>(() => engine.Restore([1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => engine.Restore(other.Snapshot()));
        Assert.Throws<InvalidDataException>(() => engine.Restore(other.Snapshot()[..40]));
    }

    [Fact]
    public void Migrants_KeepArchiveMutuallyNondominated_AndDuplicatesAreRejected()
    {
        var engine = new GomeaEngine(new ZeromaxOnemax(10), new GomeaOptions { Seed = 1, MaxEvaluations = 200 });
        engine.RunUntil(50);
        var rng = new Random.Lcg48(5);

        for (int t = 0; t < 200; t++)
        {
            int[] genes = Enumerable.Range(0, 10).Select(_ => rng.NextInt(2)).ToArray();
            double[] objectives = [rng.NextInt(12), rng.NextInt(12)];
            engine.AcceptMigrant(genes, objectives, constraint: rng.NextInt(4) == 0 ? 1.0 : 0.0);
        }

        ElitistArchive archive = engine.Archive;
        for (int i = 0; i < archive.Count; i++)
        {
            for (int j = 0; j < archive.Count; j++)
            {
                Assert.False(i != j && Dominance.ConstraintDominates(
                    archive.Objectives(i), archive.Constraint(i), archive.Objectives(j), archive.Constraint(j)));
            }
        }

        int[] member = archive.Genes(0).ToArray();
        double[] values = archive.Objectives(0).ToArray();
        int before = archive.Count;
        Assert.False(engine.AcceptMigrant(member, values, archive.Constraint(0)));
        Assert.Equal(before, archive.Count);
        Assert.Throws<ArgumentException>(() => engine.AcceptMigrant(new int[3], values));
    }

    [Fact]
    public void CacheHits_AreChargedOnlyWhenConfigured()
    {
        var charged = new GomeaEngine(new AlwaysCached(), new GomeaOptions { Seed = 2, MaxEvaluations = 500 });
        var free = new GomeaEngine(new AlwaysCached(), new GomeaOptions
        {
            Seed = 2, MaxEvaluations = 500, ChargeCacheHits = false,
        });

        charged.Run();
        free.RunSteps(6);

        Assert.True(charged.Evaluations >= 500);
        Assert.Equal(charged.Evaluations, charged.CacheHits);
        Assert.Equal(0, free.Evaluations);
        Assert.True(free.CacheHits > 0);
    }

    [Fact]
    public void StopSmallerPopulations_SwitchesOffCoveredPopulations()
    {
        string folder = SharedData.Require("maxcut");
        var problem = new Maxcut([
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_0.txt"), 25),
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_1.txt"), 25)]);
        var plain = new GomeaEngine(problem, new GomeaOptions { Seed = 1, MaxEvaluations = 200_000 });
        var stopping = new GomeaEngine(problem, new GomeaOptions
        {
            Seed = 1, MaxEvaluations = 200_000, StopSmallerPopulations = true,
        });

        plain.Run();
        stopping.Run();

        Assert.Equal(plain.PopulationCount, plain.ActivePopulationCount);
        Assert.True(stopping.ActivePopulationCount < stopping.PopulationCount);
        Assert.NotEqual(plain.Steps.Count, stopping.Steps.Count);
    }

    [Fact]
    public void SmallArchiveTarget_DiscretisesObjectiveSpace_AndKeepsArchiveNondominated()
    {
        var engine = new GomeaEngine(new ZeromaxOnemax(100), new GomeaOptions
        {
            Seed = 1, ArchiveTarget = 20, MaxEvaluations = 30_000,
        });

        engine.Run();

        Assert.True(engine.Archive.Discretised);
        Assert.InRange(engine.Archive.Count, 1, 60);
        for (int i = 0; i < engine.Archive.Count; i++)
        {
            for (int j = 0; j < engine.Archive.Count; j++)
            {
                Assert.False(
                    i != j && Dominance.ParetoDominates(engine.Archive.Objectives(i), engine.Archive.Objectives(j)));
            }
        }
    }

    [Fact]
    public void StrongMutation_RunIsDeterministic()
    {
        GomeaEngine a = GoldenTraceTests.RunWithKnownFront(
            new LeadingOnesTrailingZeros(20), LeadingOnesTrailingZeros.ParetoFront(20), 3, MutationMode.Strong);
        GomeaEngine b = GoldenTraceTests.RunWithKnownFront(
            new LeadingOnesTrailingZeros(20), LeadingOnesTrailingZeros.ParetoFront(20), 3, MutationMode.Strong);

        Assert.Equal(a.Steps, b.Steps);
        Assert.NotNull(a.TargetFrontCoveredAt);
    }

    private static GomeaEngine CreateMaxcut25()
    {
        string folder = SharedData.Require("maxcut");
        var problem = new Maxcut([
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_0.txt"), 25),
            MaxcutInstance.Read(Path.Combine(folder, "maxcut_instance_25_1.txt"), 25)]);
        return new GomeaEngine(problem, new GomeaOptions { Seed = 1, MaxEvaluations = 500_000 });
    }

    private static void AssertSameArchive(ElitistArchive expected, ElitistArchive actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.Genes(i).ToArray(), actual.Genes(i).ToArray());
            Assert.Equal(expected.Objectives(i).ToArray(), actual.Objectives(i).ToArray());
        }
    }

    private sealed class AlwaysCached : IObjectiveFunction
    {
        private readonly ZeromaxOnemax _inner = new(12);

        public GeneAlphabet Alphabet => _inner.Alphabet;

        public int ObjectiveCount => 2;

        public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective) =>
            _inner.Evaluate(genes, objectives, extremeObjective) with { CacheHit = true };
    }
}
