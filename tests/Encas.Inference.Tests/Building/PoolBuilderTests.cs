using System.Text.Json;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Inference.Tests.Support;
using Google.Protobuf;

namespace Encas.Inference.Tests.Building;

public sealed class PoolBuilderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Models => _dir.Combine("models");

    private string Data => _dir.Combine("data");

    private string Out => _dir.Combine("out", "pool");

    private void SaveModel(string name, Onnx.ModelProto model)
    {
        Directory.CreateDirectory(Models);
        File.WriteAllBytes(Path.Combine(Models, name + ".onnx"), model.ToByteArray());
    }

    private (PoolManifest Manifest, IReadOnlyList<ModelBuildRecord> Records) Build(string? modelsJson = null) =>
        new PoolBuilder(new OnnxSessionFactory(DeviceChoice.Cpu)).Build(
            new PoolBuildOptions(Models, Data, Out, DeviceChoice.Cpu, BatchSize: 32, ModelsJson: modelsJson),
            null, TestContext.Current.CancellationToken);

    private void AssertNothingWritten()
    {
        Assert.False(Directory.Exists(Out));
        string parent = _dir.Combine("out");
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0);
    }

    [Fact]
    public void Build_OrdersByMacs_RecordsDecisions_AndOpensAsPool()
    {
        SaveModel("wide_logits", TinyModels.Linear(false, 6, 3));
        SaveModel("a_probs", TinyModels.Linear(true, 6, 3));
        var extra = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 6)
            .Weights("W", [6, 6], OnnxBuilder.Pattern(36))
            .Weights("V", [6, 3], OnnxBuilder.Pattern(18, 4))
            .Node("Gemm", ["x", "W"], "h")
            .Node("Relu", ["h"], "r")
            .Node("Gemm", ["r", "V"], "l")
            .Node("Softmax", ["l"], "y", OnnxBuilder.Int("axis", 1))
            .Output("y", OnnxBuilder.Float, "N", 3)
            .Build();
        SaveModel("deep", extra);
        DataFolder.Write(Data, 100, 6, 3);

        var (manifest, records) = Build();

        Assert.Equal(["a_probs", "wide_logits", "deep"], manifest.Models.Select(m => m.Name));
        Assert.Equal([18e-6, 18e-6, 54e-6], manifest.Models.Select(m => m.Mflops[PoolSplits.Val]));
        Assert.Equal(["probabilities", "logits", "probabilities"], records.Select(r => r.Output));
        using var pool = Pool.Open(Out);
        Assert.Equal(100, pool.Val.Samples);
        Assert.StartsWith("encas pool build --models ", manifest.Source);
        var stored = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, PoolBuilder.BuildRecordFile)));
        Assert.Equal("first batch", stored.RootElement[1].GetProperty("output_source").GetString());
    }

    [Fact]
    public void Build_ModelsJson_OverridesMflopsAndOutputKind()
    {
        SaveModel("m1", TinyModels.Linear(true));
        SaveModel("m2", TinyModels.Linear(true));
        DataFolder.Write(Data, 20, 6, 3);
        string json = _dir.Combine("models.json");
        File.WriteAllText(json, """{ "m1": { "mflops": 5.5, "output": "probabilities" }, "m2": { "macs": 7 } }""");

        var (manifest, records) = Build(json);

        Assert.Equal(["m2", "m1"], manifest.Models.Select(m => m.Name));
        Assert.Equal(5.5, manifest.Models[1].Mflops[PoolSplits.Test]);
        Assert.Equal(("models.json", "models.json"), (records[1].ComputeSource, records[1].OutputSource));
    }

    [Fact]
    public void Build_CorruptModel_ReportsIt_OthersRun_NothingWritten()
    {
        SaveModel("good", TinyModels.Linear(true));
        Directory.CreateDirectory(Models);
        File.WriteAllBytes(Path.Combine(Models, "broken.onnx"), [0x08, 0x07, 0x12, 0xff, 0xff, 0x01]);
        SaveModel("wrong_input", TinyModels.Linear(true, features: 5));
        DataFolder.Write(Data, 20, 6, 3);

        var error = Assert.Throws<PoolBuildException>(() => Build());

        Assert.Equal(["broken", "wrong_input"], error.Failures.Select(f => f.Name).Order());
        Assert.All(error.Failures, f => Assert.Contains(Path.Combine(Models, f.Name + ".onnx") + ":", f.Reason));
        Assert.DoesNotContain('\n', error.Message);
        AssertNothingWritten();
    }

    [Fact]
    public void Build_LabelCountDiffers_NamesTheLabelsFile()
    {
        SaveModel("good", TinyModels.Linear(true));
        DataFolder.Write(Data, 20, 6, 3);
        var (x, y) = DataFolder.Make(20, 6, 3, 0);
        DataFolder.WriteSplit(Data, "val", x, [20, 6], y[..19]);

        var error = Assert.Throws<InvalidDataException>(() => Build());

        Assert.Equal($"{Path.Combine(Data, "val_y.npy")}: 19 labels, but {Path.Combine(Data, "val_x.npy")} holds 20 "
            + "samples; the counts must be equal", error.Message);
        AssertNothingWritten();
    }

    [Fact]
    public void Build_LabelOutOfRange_NamesTheLabelsFile()
    {
        SaveModel("good", TinyModels.Linear(true));
        DataFolder.Write(Data, 20, 6, 3);
        var (x, y) = DataFolder.Make(20, 6, 3, 1);
        y[7] = 3;
        DataFolder.WriteSplit(Data, "test", x, [20, 6], y);

        var error = Assert.Throws<InvalidDataException>(() => Build());

        Assert.StartsWith($"{Path.Combine(Data, "test_y.npy")}: row 7: label 3 is outside [0, 3)", error.Message);
        AssertNothingWritten();
    }

    [Fact]
    public void Build_InputsOfWrongDtype_NamesTheFile()
    {
        SaveModel("good", TinyModels.Linear(true));
        DataFolder.Write(Data, 4, 6, 3);
        File.WriteAllBytes(Path.Combine(Data, "val_x.npy"), NpyWriter.Encode("<f8", [4, 6], new byte[4 * 6 * 8]));

        var error = Assert.Throws<InvalidDataException>(() => Build());

        Assert.StartsWith($"{Path.Combine(Data, "val_x.npy")}: dtype <f8 is not float32 or uint8", error.Message);
        AssertNothingWritten();
    }

    [Fact]
    public void Build_ClassCountsDiffer_FailsTheOddModel()
    {
        SaveModel("a", TinyModels.Linear(true, 6, 3));
        SaveModel("b", TinyModels.Linear(true, 6, 4));
        DataFolder.Write(Data, 10, 6, 3);

        var error = Assert.Throws<PoolBuildException>(() => Build());

        Assert.Equal("b", Assert.Single(error.Failures).Name);
        Assert.Contains("outputs 4 classes, the models before it output 3", error.Failures[0].Reason);
        AssertNothingWritten();
    }
}
