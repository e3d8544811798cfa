using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Encas.Core.Tests.Support;
using Encas.Messages;
using Encas.Messages.Serialization;
using Encas.SearchNode;
using Encas.Seed.Tests.Support;

namespace Encas.Seed.Tests;

/// <summary>
/// The coordinator on a real SQLite journal, driving real island entities in one actor system: it reproduces the
/// pure library's report, and a coordinator stopped mid-run and started again under the same persistence id
/// recovers its experiments from the journal and finishes them identically.
/// </summary>
public sealed class ExperimentCoordinatorSpecs(SamplePoolFixture fixture)
    : Akka.Hosting.TestKit.TestKit("coordinator-specs"), IClassFixture<SamplePoolFixture>
{
    private static readonly TimeSpan Finish = TimeSpan.FromMinutes(3);
    private readonly TempDir _dir = new();
    private readonly IslandPools _pools = new();

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider)
    {
        builder
            .AddHocon(EncasMessageSerializer.Hocon, HoconAddMode.Prepend)
            .AddHocon(IslandDispatcher.Hocon, HoconAddMode.Prepend)
            .WithSqlPersistence(connectionString: $"Data Source={_dir.Combine("journal.db")}",
                providerName: "SQLite.MS", autoInitialize: true);
    }

    protected override async Task AfterAllAsync()
    {
        await base.AfterAllAsync();
        _pools.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Should_write_the_library_report_through_its_island_entities()
    {
        var coordinator = StartCoordinator();

        var accepted = await Ask<ExperimentAccepted>(coordinator, new SubmitExperiment(Spec("plain")));
        var status = await WaitFor(coordinator, "plain", s => s.State == "completed");

        Assert.False(accepted.AlreadyKnown);
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(status.ReportDir!, "summary.json")));
        Assert.All(status.Runs, r => Assert.Equal("completed", r.State));

        // With the report written, the island snapshots are no longer needed.
        string workDir = _dir.Combine("data", "experiments", "plain");
        await AwaitAssertAsync(() => Assert.Empty(Directory.GetDirectories(workDir, "run-*")),
            TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_keep_a_report_written_into_its_work_folder_and_drop_only_the_island_snapshots()
    {
        // Without an output folder (a submission whose client fetches the report) the report goes to the work folder.
        var coordinator = StartCoordinator();
        await Ask<ExperimentAccepted>(coordinator, new SubmitExperiment(Spec("in-work") with { OutDir = null }));
        var status = await WaitFor(coordinator, "in-work", s => s.State == "completed");

        string workDir = _dir.Combine("data", "experiments", "in-work");
        Assert.Equal(Path.Combine(workDir, "report"), status.ReportDir);
        await AwaitAssertAsync(() => Assert.Empty(Directory.GetDirectories(workDir, "run-*")),
            TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(status.ReportDir!, "summary.json")));
    }

    [Fact]
    public async Task Should_recover_from_its_journal_and_finish_identically_after_a_restart()
    {
        var first = StartCoordinator();
        await Ask<ExperimentAccepted>(first, new SubmitExperiment(Spec("restart")));
        var before = await WaitFor(first, "restart", s => s.Runs.Any(r => r.Epoch >= 3));
        Watch(first);
        first.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(first, cancellationToken: TestContext.Current.CancellationToken);

        // Only the last committed epoch's snapshots (and perhaps the next one, being written) stay on disk.
        var islandDirs = Directory.GetDirectories(_dir.Combine("data", "experiments", "restart"), "island-*",
            SearchOption.AllDirectories);
        Assert.NotEmpty(islandDirs);
        await AwaitAssertAsync(() => Assert.All(islandDirs, d => Assert.InRange(Directory.GetFiles(d, "*.snap").Length,
            0, 2)), TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

        var second = StartCoordinator();
        var recovered = await Ask<ExperimentStatus>(second, new GetExperiment("restart"));
        var done = await WaitFor(second, "restart", s => s.State == "completed");

        Assert.Equal(before.Spec, recovered.Spec);
        Assert.All(before.Runs, r => Assert.True(recovered.Runs[r.Run].Epoch >= r.Epoch,
            $"run {r.Run}: epoch {r.Epoch} before the restart, {recovered.Runs[r.Run].Epoch} after"));
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(done.ReportDir!, "summary.json")));
    }

    [Fact]
    public async Task Should_accept_the_same_spec_again_and_reject_a_different_one_under_the_same_id()
    {
        var coordinator = StartCoordinator();
        var spec = Spec("twice");
        await Ask<ExperimentAccepted>(coordinator, new SubmitExperiment(spec));

        var again = await Ask<ExperimentAccepted>(coordinator, new SubmitExperiment(spec));
        var other = await Ask<ExperimentRejected>(coordinator,
            new SubmitExperiment(spec with { Search = spec.Search with { Seed = 99 } }));

        Assert.True(again.AlreadyKnown);
        Assert.Contains("already used", other.Reason, StringComparison.Ordinal);
        await Ask<object>(coordinator, new CancelExperiment("twice"));
    }

    [Fact]
    public async Task Should_reject_a_pool_folder_that_does_not_exist_naming_it()
    {
        var coordinator = StartCoordinator();
        string missing = _dir.Combine("no-such-pool");

        var rejected = await Ask<ExperimentRejected>(coordinator,
            new SubmitExperiment(Spec("missing") with { PoolPath = missing }));

        Assert.Contains(missing, rejected.Reason, StringComparison.Ordinal);
        Assert.IsType<ExperimentUnknown>(
            await Ask<object>(coordinator, new GetExperiment("missing")));
    }

    [Fact]
    public async Task Should_stop_a_cancelled_experiment_and_keep_it_cancelled_after_a_restart()
    {
        var first = StartCoordinator();
        await Ask<ExperimentAccepted>(first, new SubmitExperiment(Spec("cancel")));

        var cancelled = await Ask<ExperimentStatus>(first, new CancelExperiment("cancel"));
        Watch(first);
        first.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(first, cancellationToken: TestContext.Current.CancellationToken);
        var recovered = await Ask<ExperimentStatus>(StartCoordinator(), new GetExperiment("cancel"));

        Assert.Equal("cancelled", cancelled.State);
        Assert.Equal("cancelled", recovered.State);
    }

    private IActorRef StartCoordinator()
    {
        var islands = Sys.ActorOf(Props.Create(() => new LocalIslandRouter(_pools)));
        var options = new CoordinatorOptions
        {
            DataDir = _dir.Combine("data"),
            StepTimeout = TimeSpan.FromSeconds(20),
            RetryInterval = TimeSpan.FromSeconds(1),
            SnapshotEvery = 3,
        };
        return Sys.ActorOf(ExperimentCoordinator.Props(islands, options));
    }

    private ExperimentSpec Spec(string id) => new(id, fixture.PoolPath, SearchSpec.From(SamplePoolFixture.Settings),
        _dir.Combine("reports", id), Replace: false);

    private static Task<T> Ask<T>(IActorRef actor, object message) =>
        actor.Ask<T>(message, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

    private static async Task<ExperimentStatus> WaitFor(IActorRef coordinator, string id,
        Func<ExperimentStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + Finish;
        while (true)
        {
            var status = await Ask<ExperimentStatus>(coordinator, new GetExperiment(id));
            if (condition(status))
            {
                return status;
            }

            Assert.True(status.State is "running" or "reporting", $"{id} ended {status.State}: {status.Error}");
            Assert.True(DateTime.UtcNow < deadline, $"{id} did not get there in {Finish}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
