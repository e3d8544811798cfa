using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Inference.Tests.Support;
using Encas.Node;
using Google.Protobuf;

namespace Encas.GpuNode.Tests;

/// <summary>Bad input through the sharded build on an in-process node: one clear error, nothing published.
/// </summary>
public sealed class BadInputPoolBuildSpecs : IDisposable
{
    private readonly TempDir _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private string Models => Directory.CreateDirectory(_dir.Combine("models")).FullName;

    private string Data => _dir.Combine("data");

    private string Out => _dir.Combine("out", "pool");

    private void Save(string name, Onnx.ModelProto model) =>
        File.WriteAllBytes(Path.Combine(Models, name + ".onnx"), model.ToByteArray());

    private Task<PoolBuildOutcome> Build() => LocalPoolBuild.RunAsync(
        new PoolBuildOptions(Models, Data, Out, DeviceChoice.Cpu, BatchSize: 16), null, Cancel,
        logging: _ => { });

    private void AssertNothingPublished()
    {
        Assert.False(Directory.Exists(Out));
        string parent = _dir.Combine("out");
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0,
            "the staging folder was left behind");
    }

    private async Task<ModelFailure> SingleFailure()
    {
        var error = await Assert.ThrowsAsync<PoolBuildException>(Build);
        AssertNothingPublished();
        return Assert.Single(error.Failures);
    }

    [Fact]
    public async Task Should_name_a_corrupt_model_and_publish_nothing()
    {
        Save("good", TinyModels.Linear(softmax: true));
        File.WriteAllBytes(Path.Combine(Models, "corrupt.onnx"), [0x08, 0xff, 0xff, 0x01, 0x02]);
        DataFolder.Write(Data, 40, 6, 3);

        var failure = await SingleFailure();

        Assert.Equal("corrupt", failure.Name);
        Assert.Contains("corrupt.onnx", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_a_model_whose_input_shape_does_not_fit_the_data()
    {
        Save("good", TinyModels.Linear(softmax: true));
        Save("narrow", TinyModels.Linear(softmax: false, features: 5));
        DataFolder.Write(Data, 40, 6, 3);

        var failure = await SingleFailure();

        Assert.Equal("narrow", failure.Name);
        Assert.Contains("narrow.onnx", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("(N, 6)", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_a_model_whose_output_is_not_samples_by_classes()
    {
        Save("good", TinyModels.Linear(softmax: true));
        Save("cube", new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 6)
            .Weights("W", [6, 3], OnnxBuilder.Pattern(18))
            .Integers("shape", 0, 3, 1)
            .Node("Gemm", ["x", "W"], "g")
            .Node("Reshape", ["g", "shape"], "y")
            .Output("y", OnnxBuilder.Float, "N", 3, 1)
            .Build());
        DataFolder.Write(Data, 40, 6, 3);

        var failure = await SingleFailure();

        Assert.Equal("cube", failure.Name);
        Assert.Contains("cube.onnx", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("classes", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_reject_sample_counts_that_differ_between_inputs_and_labels()
    {
        Save("good", TinyModels.Linear(softmax: true));
        DataFolder.Write(Data, 40, 6, 3);
        var (x, y) = DataFolder.Make(40, 6, 3, 0);
        DataFolder.WriteSplit(Data, "val", x, [40, 6], y[..30]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(Build);

        Assert.Contains("val_y.npy", error.Message, StringComparison.Ordinal);
        Assert.Contains("30 labels", error.Message, StringComparison.Ordinal);
        AssertNothingPublished();
    }

    [Fact]
    public async Task Should_reject_labels_out_of_the_models_class_range()
    {
        Save("good", TinyModels.Linear(softmax: true));
        DataFolder.Write(Data, 40, 6, 3);
        var (x, y) = DataFolder.Make(40, 6, 3, 1);
        y[7] = 5;
        DataFolder.WriteSplit(Data, "test", x, [40, 6], y);

        var error = await Assert.ThrowsAsync<InvalidDataException>(Build);

        Assert.Contains("test_y.npy", error.Message, StringComparison.Ordinal);
        AssertNothingPublished();
    }
}
