using Encas.Core.Tests.Support;
using Encas.Inference.Data;
using Encas.Inference.Runtime;
using Encas.Inference.Tests.Support;
using Google.Protobuf;

namespace Encas.Inference.Tests.Runtime;

public sealed class OnnxModelRunnerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly OnnxSessionFactory _cpu = new(DeviceChoice.Cpu);

    public void Dispose() => _dir.Dispose();

    private string Save(string name, Onnx.ModelProto model)
    {
        string path = _dir.Combine(name + ".onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    private static DatasetSplit Split(int samples, int features = 6)
    {
        var (x, y) = DataFolder.Make(samples, features, 3, 0);
        return new DatasetSplit("val", x, [features], y, "val_x.npy", "val_y.npy");
    }

    [Fact]
    public void Run_LogitsAndProbabilitiesModels_StoreTheSameSoftmax()
    {
        var split = Split(1000);
        using var logits = new OnnxModelRunner(Save("logits", TinyModels.Linear(false)), _cpu, 64, null);
        using var probs = new OnnxModelRunner(Save("probs", TinyModels.Linear(true)), _cpu, 64, null);

        var a = logits.Run(split, null, CancellationToken.None);
        var b = probs.Run(split, null, CancellationToken.None);

        Assert.Equal(OutputKind.Logits, a.Kind);
        Assert.Equal(OutputKind.Probabilities, b.Kind);
        Assert.True(a.Detected && b.Detected);
        Assert.Equal((1000, 3), (a.Rows, a.Classes));
        double max = a.Values.Zip(b.Values, (x, y) => Math.Abs((double)x - (double)y)).Max();
        int differ = a.Values.Zip(b.Values).Count(p => p.First != p.Second);
        // float32 softmax (ONNX Runtime) and float64 softmax may round to neighbouring halves, never further.
        Assert.True(max <= 1.0 / 2048, $"max difference {max}, {differ} of {a.Values.Length} values differ");
        Assert.True(differ < a.Values.Length / 20, $"{differ} of {a.Values.Length} values differ");
    }

    [Fact]
    public void Run_Logits_MatchesScalarSoftmaxOfTheWeights()
    {
        var split = Split(10);
        using var runner = new OnnxModelRunner(Save("logits", TinyModels.Linear(false)), _cpu, 4, null);

        var outputs = runner.Run(split, null, CancellationToken.None);

        var w = OnnxBuilder.Pattern(18);
        var bias = OnnxBuilder.Pattern(3, 5);
        for (int r = 0; r < 10; r++)
        {
            var z = new double[3];
            for (int c = 0; c < 3; c++)
            {
                z[c] = bias[c] + Enumerable.Range(0, 6).Sum(k => (double)split.Inputs[(r * 6) + k] * w[(k * 3) + c]);
            }

            double sum = z.Sum(v => Math.Exp(v - z.Max()));
            for (int c = 0; c < 3; c++)
            {
                double expected = Math.Exp(z[c] - z.Max()) / sum;
                Assert.True(Math.Abs((double)outputs.Values[(r * 3) + c] - expected) <= 1.0 / 2048);
            }
        }
    }

    [Fact]
    public void Run_DeclaredKind_IsNotDetected()
    {
        using var runner = new OnnxModelRunner(Save("p", TinyModels.Linear(true)), _cpu, 8, OutputKind.Logits);

        var outputs = runner.Run(Split(20), null, CancellationToken.None);

        Assert.Equal(OutputKind.Logits, outputs.Kind);
        Assert.False(outputs.Detected);
    }

    [Fact]
    public void Run_ReportsProgressPerBatch_AndHonoursCancellation()
    {
        using var runner = new OnnxModelRunner(Save("p", TinyModels.Linear(true)), _cpu, 40, null);
        var seen = new List<int>();
        using var cancel = new CancellationTokenSource();

        runner.Run(Split(100), seen.Add, CancellationToken.None);
        Assert.Equal([40, 80, 100], seen);

        Assert.Throws<OperationCanceledException>(() => runner.Run(Split(100), _ => cancel.Cancel(), cancel.Token));
    }

    [Fact]
    public void Run_WrongSampleShape_NamesModelAndData()
    {
        string path = Save("linear", TinyModels.Linear(true));
        using var runner = new OnnxModelRunner(path, _cpu, 8, null);

        var error = Assert.Throws<InvalidDataException>(() => runner.Run(Split(10, 5), null, CancellationToken.None));

        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains("val_x.npy holds samples of shape (N, 5)", error.Message);
    }

    [Fact]
    public void Open_ModelTakingInt64_IsRejected()
    {
        var model = new OnnxBuilder()
            .Input("x", OnnxBuilder.Int64, "N", 6)
            .Node("Cast", ["x"], "y", OnnxBuilder.Int("to", OnnxBuilder.Float))
            .Output("y", OnnxBuilder.Float, "N", 6)
            .Build();
        string path = Save("ints", model);

        var error = Assert.Throws<InvalidDataException>(() => new OnnxModelRunner(path, _cpu, 8, null));

        Assert.StartsWith(path + ": input 'x' takes Int64", error.Message);
    }

    [Fact]
    public void Run_OutputNotSamplesByClasses_IsRejected()
    {
        var model = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 6)
            .Weights("W", [6, 3], OnnxBuilder.Pattern(18))
            .Integers("axes", 2)
            .Node("MatMul", ["x", "W"], "m")
            .Node("Unsqueeze", ["m", "axes"], "y")
            .Output("y", OnnxBuilder.Float, "N", 3, 1)
            .Build();
        string path = Save("rank3", model);
        using var runner = new OnnxModelRunner(path, _cpu, 8, null);

        var error = Assert.Throws<InvalidDataException>(() => runner.Run(Split(10), null, CancellationToken.None));

        Assert.StartsWith(path + ": output 'y' has shape [8,3,1]", error.Message);
    }

    [Fact]
    public void Open_AutoWithoutCuda_FallsBackToCpu_AndCpuNeverTriesCuda()
    {
        string path = Save("p", TinyModels.Linear(true));
        var auto = new OnnxSessionFactory(DeviceChoice.Auto);

        var (first, p1) = auto.Open(path);
        var (second, p2) = auto.Open(path);
        var (third, p3) = _cpu.Open(path);
        first.Dispose();
        second.Dispose();
        third.Dispose();

        // No GPU here: auto ends on CPU (a GPU machine would report CUDA, and this test says so).
        Assert.Contains(p1, new[] { OnnxSessionFactory.CpuProvider, OnnxSessionFactory.CudaProvider });
        Assert.Equal(p1, p2);
        Assert.Equal(OnnxSessionFactory.CpuProvider, p3);
    }
}
