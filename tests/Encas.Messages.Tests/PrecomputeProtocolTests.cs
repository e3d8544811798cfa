using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Encas.Messages.Serialization;

namespace Encas.Messages.Tests;

/// <summary>The precompute protocol: round trips through the ENCAS serializer, pinned shapes, entity ids.</summary>
public sealed class PrecomputeProtocolTests : IDisposable
{
    private static readonly PrecomputeSpec Spec = new("cnn_8", "/models/cnn_8.onnx", "/data/fashion",
        "/pools/.fashion.ab.staging", "auto", 256, "logits", 0.5, 500_000, "graph", 1000);

    private static readonly PrecomputedSplit Val = new("val", "outputs/val/00003.f16", 200_064, "ab12", 10_000, 10,
        87.5);

    private readonly ActorSystem _system = ActorSystem.Create("precompute-protocol-tests",
        ConfigurationFactory.ParseString(EncasMessageSerializer.Hocon));

    public void Dispose() => _system.Dispose();

    public static TheoryData<IEncasMessage> Samples() =>
    [
        new PrecomputeModel("b1", 3, Spec),
        new PrecomputeModel("b1", 0, Spec with { DeclaredOutput = null, Macs = null, SampleLimit = null }),
        new PrecomputeDone("b1", 3, [Val, Val with { Split = "test", Path = "outputs/test/00003.f16" }],
            "CPUExecutionProvider", "logits", "first batch", 5210.5, "akka.tcp://encas@127.0.0.1:4055"),
        new PrecomputeFailed("b1", 3, "/models/cnn_8.onnx: ONNX Runtime cannot load the model", false, "n"),
        new PrecomputeProgress("b1", 3, "test", 512, 10_000, "n"),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Should_round_trip_through_the_encas_serializer(IEncasMessage message)
    {
        var serializer = Assert.IsType<EncasMessageSerializer>(_system.Serialization.FindSerializerFor(message));
        var bytes = serializer.ToBinary(message);
        var back = _system.Serialization.Deserialize(bytes, EncasMessageSerializer.Id, serializer.Manifest(message));

        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.StartsWith("precompute.", serializer.Manifest(message), StringComparison.Ordinal);
        Assert.EndsWith(".v1", serializer.Manifest(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_the_pinned_wire_shape()
    {
        // Pinned bytes: a change here breaks mixed-version clusters. Add a v2 record instead of editing the pin.
        var serializer = new EncasMessageSerializer((ExtendedActorSystem)_system);

        Assert.Equal(
            J("{'build_id':'b1','model_index':3,'model':{'name':'cnn_8','model_path':'/models/cnn_8.onnx',"
                + "'data_dir':'/data/fashion','staging_dir':'/pools/.fashion.ab.staging','device':'auto',"
                + "'batch_size':256,'declared_output':'logits','mflops':0.5,'macs':500000,'compute_source':'graph',"
                + "'sample_limit':1000},'entity_id':'b1.m3'}"),
            Text(serializer, new PrecomputeModel("b1", 3, Spec)));
        Assert.Equal(
            J("{'build_id':'b1','model_index':3,'splits':[{'split':'val','path':'outputs/val/00003.f16',"
                + "'bytes':200064,'sha256':'ab12','rows':10000,'classes':10,'accuracy':87.5}],"
                + "'provider':'CPUExecutionProvider','output':'logits','output_source':'first batch',"
                + "'images_per_second':100,'node':'n'}"),
            Text(serializer, new PrecomputeDone("b1", 3, [Val], "CPUExecutionProvider", "logits", "first batch", 100,
                "n")));
        Assert.Equal(J("{'build_id':'b1','model_index':3,'reason':'x','retryable':true,'node':'n'}"),
            Text(serializer, new PrecomputeFailed("b1", 3, "x", true, "n")));
        Assert.Equal(J("{'build_id':'b1','model_index':3,'split':'val','done':5,'total':9,'node':'n'}"),
            Text(serializer, new PrecomputeProgress("b1", 3, "val", 5, 9, "n")));
    }

    [Fact]
    public void Should_shard_by_build_and_model_index() =>
        Assert.Equal("pool-7f.m12", new PrecomputeModel("pool-7f", 12, Spec).EntityId);

    private static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');

    private static string Text(EncasMessageSerializer serializer, object message) =>
        Encoding.UTF8.GetString(serializer.ToBinary(message));
}
