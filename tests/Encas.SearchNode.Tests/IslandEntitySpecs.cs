using Akka.Actor;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Messages;

namespace Encas.SearchNode.Tests;

/// <summary>
/// Island entities on a test actor system over the sample pool: the epoch protocol, idempotent re-sends, the same
/// answer from an entity that only has the snapshot (another node), and clear failures.
/// </summary>
public sealed class IslandEntitySpecs : Akka.TestKit.Xunit.TestKit, IClassFixture<IslandEntitySpecs.PoolFixture>
{
    private static readonly TimeSpan Epoch = TimeSpan.FromSeconds(60);
    private readonly PoolFixture _pool;
    private readonly TempDir _work = new();
    private readonly IslandPools _pools = new();

    public IslandEntitySpecs(PoolFixture pool)
        : base(IslandDispatcher.HoconWith(2))
    {
        _pool = pool;
    }

    protected override void AfterAll()
    {
        base.AfterAll();
        _pools.Dispose();
        _work.Dispose();
    }

    [Fact]
    public void Should_advance_then_settle_and_answer_a_resent_command_identically()
    {
        var entity = Sys.ActorOf(IslandEntity.Props(_pools));
        var island = new IslandAddress("exp", 0, 0);

        entity.Tell(new AdvanceIsland(island, Spec(), 1, null), TestActor);
        var advanced = Expect<IslandAdvanced>();
        entity.Tell(new AdvanceIsland(island, Spec(), 1, null), TestActor);
        var again = Expect<IslandAdvanced>();
        entity.Tell(new SettleIsland(island, Spec(), 1, null, []), TestActor);
        var settled = Expect<IslandSettled>();

        Assert.Same(advanced, again);
        // An epoch ends at its 500th charged evaluation, or just past it when a population's start straddles it.
        Assert.InRange(settled.Charged, 500, 600);
        Assert.True(File.Exists(settled.Snapshot.Path));
        Assert.NotEmpty(settled.Archive);
        Assert.False(settled.Finished);
    }

    [Fact]
    public void Should_give_the_same_epoch_on_a_fresh_entity_that_only_has_the_snapshot()
    {
        var island = new IslandAddress("exp", 1, 1);
        var first = Sys.ActorOf(IslandEntity.Props(_pools));
        var epoch1 = Run(first, island, 1, null, []);
        var epoch2 = Run(first, island, 2, epoch1.Snapshot, [new MigrantData([1, 2, 0, 0, 0, 50, 0, 0, 0], [-20, -1])]);

        // Another node's entity: nothing in memory, only epoch 1's snapshot file.
        var fresh = Sys.ActorOf(IslandEntity.Props(new IslandPools()));
        var redone = Run(fresh, island, 2, epoch1.Snapshot, [new MigrantData([1, 2, 0, 0, 0, 50, 0, 0, 0], [-20, -1])]);

        Assert.Equal(epoch2.Snapshot.Sha256, redone.Snapshot.Sha256);
        Assert.Equal(epoch2.Charged, redone.Charged);
        Assert.Equal(epoch2.Archive.Select(a => string.Join(",", a.Genome)),
            redone.Archive.Select(a => string.Join(",", a.Genome)));
    }

    [Fact]
    public void Should_fail_without_retry_naming_the_pool_when_it_is_missing()
    {
        var entity = Sys.ActorOf(IslandEntity.Props(_pools));
        string missing = _work.Combine("no-pool");

        entity.Tell(new AdvanceIsland(new IslandAddress("exp", 0, 0), Spec() with { PoolPath = missing }, 1, null));
        var failed = Expect<IslandFailed>();

        Assert.False(failed.Retryable);
        Assert.Contains(missing, failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_epoch_without_the_snapshot_it_needs()
    {
        var entity = Sys.ActorOf(IslandEntity.Props(_pools));

        entity.Tell(new AdvanceIsland(new IslandAddress("exp", 0, 0), Spec(), 3, null));
        var failed = Expect<IslandFailed>();

        Assert.False(failed.Retryable);
        Assert.Contains("needs the snapshot of epoch 2", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_snapshot_whose_bytes_changed()
    {
        var island = new IslandAddress("exp", 0, 1);
        var entity = Sys.ActorOf(IslandEntity.Props(_pools));
        var epoch1 = Run(entity, island, 1, null, []);
        File.AppendAllText(epoch1.Snapshot.Path, "tampered");

        var fresh = Sys.ActorOf(IslandEntity.Props(new IslandPools()));
        fresh.Tell(new AdvanceIsland(island, Spec(), 2, epoch1.Snapshot));
        var failed = Expect<IslandFailed>();

        Assert.Contains("SHA-256", failed.Reason, StringComparison.Ordinal);
    }

    private T Expect<T>() => ExpectMsg<T>(Epoch, cancellationToken: TestContext.Current.CancellationToken);

    private IslandSettled Run(IActorRef entity, IslandAddress island, long epoch, SnapshotRef? from,
        IReadOnlyList<MigrantData> immigrants)
    {
        entity.Tell(new AdvanceIsland(island, Spec(), epoch, from), TestActor);
        Expect<IslandAdvanced>();
        entity.Tell(new SettleIsland(island, Spec(), epoch, from, immigrants), TestActor);
        return Expect<IslandSettled>();
    }

    private IslandSpec Spec() => new(_pool.Path, SearchSpec.From(new SearchSettings
    {
        Runs = 2, Islands = 2, Evaluations = 4000, MigrationInterval = 500, Seed = 3,
        ReferenceError = 40, ReferenceMflops = 4,
    }), _work.Path);

    /// <summary>The sample pool, imported once for the class.</summary>
    public sealed class PoolFixture : IDisposable
    {
        private readonly TempDir _dir = new();

        public PoolFixture()
        {
            Path = RepoPaths.ImportSamplePool(_dir.Combine("pool"));
        }

        public string Path { get; }

        public void Dispose() => _dir.Dispose();
    }
}
