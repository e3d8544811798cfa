using Encas.Core.Tests.Support;
using Encas.Inference.Compute;
using Encas.Inference.Tests.Support;
using Google.Protobuf;

namespace Encas.Inference.Tests.Compute;

public sealed class MacCounterTests
{
    [Fact]
    public void Count_Gemm_IsInTimesOut() => Assert.Equal(18, MacCounter.Count(TinyModels.Linear(true), "m"));

    [Fact]
    public void Count_Gemm_TransposedWeights()
    {
        var model = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 7)
            .Weights("W", [5, 7], OnnxBuilder.Pattern(35))
            .Node("Gemm", ["x", "W"], "y", OnnxBuilder.Int("transB", 1))
            .Output("y", OnnxBuilder.Float, "N", 5)
            .Build();

        Assert.Equal(35, MacCounter.Count(model, "m"));
    }

    [Fact]
    public void Count_ConvWithGroupsStridePaddingDilation_MatchesHandCount() =>
        Assert.Equal(1728 + 288, MacCounter.Count(TinyModels.Conv(), "m"));

    [Fact]
    public void Count_ConvWithSameUpperAutoPad_MatchesHandCount() =>
        // ceil(9 / 2) = 5 per axis: conv 6·25·2·9 = 2700, gemm 150·3 = 450.
        Assert.Equal(2700 + 450, MacCounter.Count(TinyModels.Conv("SAME_UPPER"), "m"));

    [Fact]
    public void Count_ConvWithValidAutoPad_MatchesHandCount() =>
        // (9 - 5) / 2 + 1 = 3 per axis: conv 6·9·2·9 = 972, gemm 54·3 = 162; the Gemm weights do not fit, so
        // the counter must stop at the Gemm and say so.
        Assert.Contains("inner sizes", Assert.Throws<InvalidDataException>(
            () => MacCounter.Count(TinyModels.Conv("VALID"), "m")).Message);

    [Fact]
    public void Count_BatchedMatMulThroughReshape_MatchesHandCount() =>
        Assert.Equal(40 + 24, MacCounter.Count(TinyModels.MatMul(), "m"));

    [Fact]
    public void Count_PoolingAndShapeArithmetic_AreFollowed()
    {
        // x [N,1,8,8] → MaxPool 3x3, stride 2, ceil_mode: ceil((8 - 3) / 2) + 1 = 4 per axis (floor mode: 3),
        // then a flatten as PyTorch exports it (Shape → Gather → Concat → Reshape), then 16 × 2 = 32 MACs.
        var model = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 1, 8, 8)
            .Weights("W", [16, 2], OnnxBuilder.Pattern(32))
            .Integers("zero", 0)
            .Integers("minus", -1)
            .Node("MaxPool", ["x"], "p", OnnxBuilder.Ints("kernel_shape", 3, 3), OnnxBuilder.Ints("strides", 2, 2),
                OnnxBuilder.Int("ceil_mode", 1))
            .Node("Shape", ["p"], "s")
            .Node("Gather", ["s", "zero"], "n", OnnxBuilder.Int("axis", 0))
            .Node("Concat", ["n", "minus"], "target", OnnxBuilder.Int("axis", 0))
            .Node("Reshape", ["p", "target"], "f")
            .Node("MatMul", ["f", "W"], "y")
            .Output("y", OnnxBuilder.Float, "N", 2)
            .Build();

        Assert.Equal(32, MacCounter.Count(model, "m"));
    }

    [Fact]
    public void Count_UnknownOperator_SaysToUseModelsJson()
    {
        var model = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 4)
            .Node("TopK", ["x"], "y")
            .Output("y", OnnxBuilder.Float, "N", 4)
            .Build();

        var error = Assert.Throws<InvalidDataException>(() => MacCounter.Count(model, "odd.onnx"));

        Assert.StartsWith("odd.onnx: cannot count MACs", error.Message);
        Assert.Contains("TopK", error.Message);
        Assert.Contains("models.json", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Count_CorruptFile_NamesTheFile()
    {
        using var dir = new TempDir();
        string path = dir.Combine("broken.onnx");
        File.WriteAllBytes(path, [0xff, 0xff, 0xff, 0x07, 0x01]);

        var error = Assert.Throws<InvalidDataException>(() => MacCounter.Count(path));

        Assert.StartsWith(path + ":", error.Message);
    }

    [Fact]
    public void Count_SavedFile_EqualsInMemoryCount()
    {
        using var dir = new TempDir();
        string path = dir.Combine("conv.onnx");
        File.WriteAllBytes(path, TinyModels.Conv().ToByteArray());

        Assert.Equal(2016, MacCounter.Count(path));
    }
}
