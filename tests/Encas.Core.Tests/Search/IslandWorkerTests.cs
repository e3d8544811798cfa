using Encas.Core.Cascades;
using Encas.Core.Search;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Search;

/// <summary>
/// Islands driven one by one, as the cluster drives them, with every island rebuilt from its snapshot after every
/// epoch, give exactly the in-process island run.
/// </summary>
public sealed class IslandWorkerTests : IDisposable
{
    private readonly ImportedPool _pool = new(RandomSourcePool.Create(57, models: 9, samples: 300, classes: 5));

    public void Dispose() => _pool.Dispose();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 4)]
    public void Restoring_every_island_after_every_epoch_changes_nothing(int islands, int migrants)
    {
        var val = new CascadeEvaluator(_pool.Pool.Val);
        var settings = new SearchSettings
        {
            Evaluations = 5000, Islands = islands, MigrationInterval = 450, Migrants = migrants,
        };
        var reference = new IslandRun(val, settings, run: 1);
        while (reference.RunEpoch())
        {
        }

        var snapshots = new byte[islands][];
        var trace = new List<TracePoint>();
        for (long epoch = 1; ; epoch++)
        {
            var workers = Enumerable.Range(0, islands).Select(i => Restored(val, settings, i, snapshots[i])).ToList();
            if (workers.All(w => w.IsFinished))
            {
                break;
            }

            workers.ForEach(w => w.Advance(epoch));
            var outgoing = workers.Select(w => w.ChooseEmigrants()).ToList();
            for (int i = 0; i < islands; i++)
            {
                workers[(i + 1) % islands].Accept(outgoing[i]);
            }

            var union = IslandArchives.Union(workers.Select(w => w.Archive()));
            trace.Add(IslandArchives.Trace(workers.Sum(w => w.Charged), union, settings));
            for (int i = 0; i < islands; i++)
            {
                snapshots[i] = workers[i].Snapshot();
            }
        }

        var final = Enumerable.Range(0, islands).Select(i => Restored(val, settings, i, snapshots[i])).ToList();
        Assert.Equal(Genomes(reference.Archive()), Genomes(IslandArchives.Union(final.Select(w => w.Archive()))));
        Assert.Equal(reference.Charged, final.Sum(w => w.Charged));
        Assert.Equal(reference.Total, final.Sum(w => w.Total));
        Assert.True(reference.Total > reference.Charged, "the run must have had cache hits for this test to bite");
        Assert.Equal(reference.Trace, trace);
    }

    [Fact]
    public void A_snapshot_of_another_island_is_refused()
    {
        var val = new CascadeEvaluator(_pool.Pool.Val);
        var settings = new SearchSettings { Evaluations = 600, Islands = 2, MigrationInterval = 300 };
        var one = new IslandWorker(val, settings, run: 0, island: 1);
        one.Advance(1);
        var other = new IslandWorker(val, settings, run: 0, island: 0);
        var error = Assert.Throws<InvalidDataException>(() => other.Restore(one.Snapshot()));
        Assert.Contains("island 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => other.Restore(one.Snapshot()[..40]));
    }

    private static IslandWorker Restored(CascadeEvaluator val, SearchSettings settings, int island, byte[]? state)
    {
        var worker = new IslandWorker(val, settings, run: 1, island);
        if (state is not null)
        {
            worker.Restore(state);
        }

        return worker;
    }

    private static List<string> Genomes(IEnumerable<(int[] Genome, CascadeScore Val)> archive) =>
        archive.Select(a => string.Join(',', a.Genome)).ToList();
}
