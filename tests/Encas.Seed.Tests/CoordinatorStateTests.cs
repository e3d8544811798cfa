using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Messages;
using Encas.Seed.Tests.Support;

namespace Encas.Seed.Tests;

/// <summary>The coordinator's pure state: events in, statuses and verdicts out, snapshots that rebuild it.</summary>
public sealed class CoordinatorStateTests(SamplePoolFixture fixture) : IClassFixture<SamplePoolFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Snapshot_RebuildsTheSameStatuses()
    {
        var state = new CoordinatorState();
        foreach (var e in History())
        {
            state.Apply(e);
        }

        var rebuilt = CoordinatorState.FromSnapshot(state.ToSnapshot());

        Assert.Equal(Describe(state), Describe(rebuilt));
        Assert.Equal(["completed", "running", "failed", "cancelled"],
            rebuilt.List().Experiments.Select(e => e.State));
    }

    [Fact]
    public void Apply_EpochOfUnknownExperiment_Throws()
    {
        var state = new CoordinatorState();

        var ex = Assert.Throws<ArgumentException>(() => state.Apply(Epoch("nobody", 0, 1, finished: false)));

        Assert.Contains("nobody", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SameSubmissionTwice_Throws()
    {
        var state = new CoordinatorState();
        state.Apply(Submitted("a"));

        Assert.Throws<ArgumentException>(() => state.Apply(Submitted("a")));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("slash/inside")]
    public void Check_BadId_IsRejectedNamingTheRule(string id)
    {
        var verdict = new CoordinatorState().Check(Spec(id));

        Assert.Contains("letters, digits", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadSettings_IsRejectedNamingTheSetting()
    {
        var spec = Spec("bad") with { Search = Spec("bad").Search with { Runs = 0 } };

        var verdict = new CoordinatorState().Check(spec);

        Assert.NotNull(verdict.Reason);
        Assert.Contains("run", verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Check_ExistingReportFolderWithoutReplace_IsRejected()
    {
        string outDir = _dir.Combine("exists");
        Directory.CreateDirectory(outDir);

        var verdict = new CoordinatorState().Check(Spec("out") with { OutDir = outDir });

        Assert.Contains(outDir, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BuildIntoAMissingPool_IsAcceptedWhenModelsAndDataExist()
    {
        Directory.CreateDirectory(_dir.Combine("models"));
        Directory.CreateDirectory(_dir.Combine("data"));
        var spec = Spec("build") with
        {
            PoolPath = _dir.Combine("to-build"),
            Build = new PoolBuildSpec(_dir.Combine("models"), _dir.Combine("data")),
        };

        Assert.Null(new CoordinatorState().Check(spec).Reason);
    }

    [Fact]
    public void Check_BuildWithoutItsModelsFolder_IsRejectedNamingIt()
    {
        var spec = Spec("build") with
        {
            PoolPath = _dir.Combine("to-build"),
            Build = new PoolBuildSpec(_dir.Combine("no-models"), _dir.Path),
        };

        var verdict = new CoordinatorState().Check(spec);

        Assert.Equal($"--models {_dir.Combine("no-models")}: no such folder", verdict.Reason);
    }

    [Fact]
    public void Check_BuildIntoAFolderThatIsNotAPool_IsRejected()
    {
        Directory.CreateDirectory(_dir.Combine("stuff"));
        var spec = Spec("build") with
        {
            PoolPath = _dir.Combine("stuff"),
            Build = new PoolBuildSpec(_dir.Path, _dir.Path),
        };

        var verdict = new CoordinatorState().Check(spec);

        Assert.Contains("exists but is not a pool", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_RunWithoutEpochs_IsPendingUntilDriven()
    {
        var state = new CoordinatorState();
        state.Apply(Submitted("p"));

        var idle = state.Status("p")!;
        var driven = state.Status("p", (_, run) => run == 1)!;

        Assert.Equal(["pending", "pending"], idle.Runs.Select(r => r.State));
        Assert.Equal(["pending", "running"], driven.Runs.Select(r => r.State));
        Assert.Null(state.Status("nobody"));
    }

    private IEnumerable<ICoordinatorEvent> History()
    {
        yield return Submitted("done");
        yield return Submitted("going");
        yield return Submitted("broken");
        yield return Submitted("stopped");
        yield return Epoch("done", 0, 1, finished: true);
        yield return Epoch("going", 1, 1, finished: false);
        yield return Epoch("done", 1, 1, finished: false);
        yield return Epoch("done", 1, 2, finished: true);
        yield return new ExperimentReported("done", _dir.Combine("report"));
        yield return new ExperimentFailed("broken", "island 0 of run 0, epoch 1: boom");
        yield return new ExperimentCancelled("stopped");
    }

    private ExperimentSubmitted Submitted(string id) => new(Spec(id), _dir.Combine("work", id));

    private ExperimentSpec Spec(string id) => new(id, fixture.PoolPath,
        SearchSpec.From(new SearchSettings { Runs = 2, Islands = 2, Evaluations = 2000, MigrationInterval = 500 }),
        null, Replace: false);

    private static RunEpochCompleted Epoch(string id, int run, long epoch, bool finished) => new(id, run, epoch,
        [
            new SnapshotRef($"/snap/{id}/{run}/0/{epoch}", "00", epoch),
            new SnapshotRef($"/snap/{id}/{run}/1/{epoch}", "11", epoch),
        ],
        [epoch * 250, epoch * 250], epoch * 500, epoch * 600, 0.5 + (epoch / 100.0), 10 + (int)epoch, finished);

    private static string Describe(CoordinatorState state) => string.Join("\n", state.List().Experiments.Select(e =>
        $"{e.ExperimentId} {e.State} {e.ReportDir} {e.Error} " + string.Join(";", e.Runs.Select(r =>
            $"{r.Run}:{r.State}:{r.Epoch}:{r.Charged}:{r.Total}:{r.ValHypervolume}:{r.FrontSize}"))));
}
