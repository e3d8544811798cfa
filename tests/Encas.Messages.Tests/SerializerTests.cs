using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Encas.Messages;
using Encas.Messages.Serialization;

namespace Encas.Messages.Tests;

/// <summary>Every protocol type goes through the ENCAS serializer, round-trips, and persisted events keep their
/// shape.</summary>
public sealed class SerializerTests : IDisposable
{
    private static readonly SearchSpec Spec = new(10, 600_000, 1723, 2, 10_000, 8, 40, 4000, 10_000, false);
    private static readonly ExperimentSpec Experiment = new("exp-1", "/pools/fashion", Spec, null, false);
    private static readonly IslandAddress Address = new("exp-1", 3, 1);
    private static readonly SnapshotRef Snap = new("/data/exp-1/run-03/island-01/epoch-00002.snap", "ab12", 2);

    private readonly ActorSystem _system = ActorSystem.Create("serializer-tests",
        ConfigurationFactory.ParseString(EncasMessageSerializer.Hocon));

    public void Dispose() => _system.Dispose();

    public static TheoryData<IEncasMessage> Samples() =>
    [
        new AdvanceIsland(Address, new IslandSpec("/pools/fashion", Spec, "/data/exp-1"), 2, Snap),
        new AdvanceIsland(Address, new IslandSpec("/pools/fashion", Spec, "/data/exp-1"), 1, null),
        new IslandAdvanced(Address, 2, [new MigrantData([1, 2, 0, 0, 0, 0, 25, 0, 0], [-12.5, -0.25])], 20_000,
            "akka.tcp://encas@127.0.0.1:4055"),
        new SettleIsland(Address, new IslandSpec("/p", Spec, "/w"), 2, Snap, []),
        new IslandSettled(Address, 2, Snap, 20_000, 27_000, false, [new ArchiveEntry([1, 0, 0, 0, 0, 0, 0, 0, 0],
            14.25, 0.5)], "node"),
        new IslandFailed(Address, 2, "pool.json: missing", false),
        new SubmitExperiment(Experiment),
        new ExperimentAccepted("exp-1", true),
        new ExperimentRejected("exp-1", "--runs must be at least 1"),
        new GetExperiment("exp-1"),
        ListExperiments.Instance,
        new CancelExperiment("exp-1"),
        new ExperimentUnknown("exp-2"),
        new ExperimentList([new ExperimentStatus("exp-1", "running", Experiment,
            [new RunStatus(0, "running", 2, 20_000, 27_000, 0.75, 310, [new IslandStatus(0, 2, 10_000, false, "n")])],
            null, null)]),
        new ExperimentSubmitted(Experiment, "/data/experiments/exp-1"),
        new RunEpochCompleted("exp-1", 3, 2, [Snap], [20_000], 20_000, 27_000, 0.7512, 311, false),
        new ExperimentReported("exp-1", "/out/exp-1"),
        new ExperimentFailed("exp-1", "pool.json: missing"),
        new ExperimentCancelled("exp-1"),
        new CoordinatorSnapshot([new ExperimentSubmitted(Experiment, "/data/experiments/exp-1")],
            [new RunEpochCompleted("exp-1", 3, 2, [Snap], [20_000], 20_000, 27_000, 0.7512, 311, false)],
            [new ExperimentReported("exp-1", "/out/exp-1")], [], [new ExperimentCancelled("exp-1")]),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_message_round_trips_through_the_encas_serializer(IEncasMessage message)
    {
        var serializer = _system.Serialization.FindSerializerFor(message);
        Assert.IsType<EncasMessageSerializer>(serializer);
        var bytes = serializer.ToBinary(message);
        string manifest = ((EncasMessageSerializer)serializer).Manifest(message);
        var back = _system.Serialization.Deserialize(bytes, EncasMessageSerializer.Id, manifest);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.Equal(message.GetType(), back.GetType());
    }

    [Fact]
    public void Every_protocol_type_has_a_unique_manifest()
    {
        var types = typeof(IEncasMessage).Assembly.GetTypes()
            .Where(t => typeof(IEncasMessage).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false });
        Assert.All(types, t => Assert.True(MessageManifests.ByType.ContainsKey(t), $"{t.Name} has no manifest"));
        Assert.Equal(MessageManifests.ByType.Count, MessageManifests.ByManifest.Count);
        Assert.All(types, t => Assert.True(t.IsSealed, $"{t.Name} must be sealed"));
    }

    [Fact]
    public void Persisted_events_keep_their_shape()
    {
        // Pinned bytes: if this fails, an event changed shape. Do not edit the pin; add a v2 record instead.
        var serializer = new EncasMessageSerializer((ExtendedActorSystem)_system);
        Assert.Equal(
            J("{'spec':{'experiment_id':'exp-1','pool_path':'/pools/fashion','search':{'runs':10,'evaluations':600000,"
                + "'seed':1723,'islands':2,'migration_interval':10000,'migrants':8,'reference_error':40,"
                + "'reference_mflops':4000,'archive_target':10000,'random_baseline':false},'out_dir':null,"
                + "'replace':false},'work_dir':'/data/experiments/exp-1','experiment_id':'exp-1'}"),
            Text(serializer, new ExperimentSubmitted(Experiment, "/data/experiments/exp-1")));
        Assert.Equal(
            J("{'experiment_id':'exp-1','run':3,'epoch':2,'snapshots':[{'path':"
                + "'/data/exp-1/run-03/island-01/epoch-00002.snap','sha256':'ab12','epoch':2}],"
                + "'island_charged':[20000],'charged':20000,'total':27000,'val_hypervolume':0.7512,"
                + "'front_size':311,'finished':false}"),
            Text(serializer,
                new RunEpochCompleted("exp-1", 3, 2, [Snap], [20_000], 20_000, 27_000, 0.7512, 311, false)));
        Assert.Equal(J("{'experiment_id':'exp-1','report_dir':'/out/exp-1'}"),
            Text(serializer, new ExperimentReported("exp-1", "/out/exp-1")));
        Assert.Equal(J("{'experiment_id':'exp-1','reason':'x'}"), Text(serializer, new ExperimentFailed("exp-1", "x")));
        Assert.Equal(J("{'experiment_id':'exp-1'}"), Text(serializer, new ExperimentCancelled("exp-1")));
    }

    [Fact]
    public void An_unknown_manifest_is_a_clear_error()
    {
        var serializer = new EncasMessageSerializer((ExtendedActorSystem)_system);
        var error = Assert.ThrowsAny<Exception>(() => serializer.FromBinary("{}"u8.ToArray(), "island.advance.v9"));
        Assert.Contains("island.advance.v9", error.Message, StringComparison.Ordinal);
    }

    private static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static string Text(EncasMessageSerializer serializer, object message) =>
        Encoding.UTF8.GetString(serializer.ToBinary(message));
}
