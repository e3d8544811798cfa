using Onnx;

namespace Encas.Inference.Tests.Support;

/// <summary>The small classifiers the tests run: known weights, known MACs.</summary>
public static class TinyModels
{
    /// <summary>x [N,6] → Gemm with W [6,3] and bias → optional Softmax; 18 MACs per sample.</summary>
    public static ModelProto Linear(bool softmax, int features = 6, int classes = 3)
    {
        var b = new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", features)
            .Weights("W", [features, classes], OnnxBuilder.Pattern(features * classes))
            .Weights("B", [classes], OnnxBuilder.Pattern(classes, 5))
            .Node("Gemm", ["x", "W", "B"], softmax ? "logits" : "y");
        if (softmax)
        {
            b.Node("Softmax", ["logits"], "y", OnnxBuilder.Int("axis", -1));
        }

        return b.Output("y", OnnxBuilder.Float, "N", classes).Build();
    }

    /// <summary>
    /// x [N,4,9,9] → Conv W [6,2,3,3], group 2, stride 2, pads 1, dilation 2 → [N,6,4,4] → Relu → Flatten
    /// → Gemm
    /// [96,3]. Hand count: conv 6·(4·4)·2·(3·3) = 1728, gemm 96·3 = 288, total 2016.
    /// </summary>
    public static ModelProto Conv(string autoPad = "NOTSET")
    {
        var attributes = new List<AttributeProto>
        {
            OnnxBuilder.Int("group", 2), OnnxBuilder.Ints("strides", 2, 2), OnnxBuilder.Ints("dilations", 2, 2),
        };
        attributes.Add(autoPad == "NOTSET" ? OnnxBuilder.Ints("pads", 1, 1, 1, 1)
            : OnnxBuilder.Text("auto_pad", autoPad));
        int flat = autoPad == "NOTSET" ? 96 : 150;
        return new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 4, 9, 9)
            .Weights("W", [6, 2, 3, 3], OnnxBuilder.Pattern(108))
            .Weights("F", [flat, 3], OnnxBuilder.Pattern(flat * 3, 1))
            .Node("Conv", ["x", "W"], "c", [.. attributes])
            .Node("Relu", ["c"], "r")
            .Node("Flatten", ["r"], "f", OnnxBuilder.Int("axis", 1))
            .Node("Gemm", ["f", "F"], "y")
            .Output("y", OnnxBuilder.Float, "N", 3)
            .Build();
    }

    /// <summary>x [N,2,5] → MatMul [5,4] (2·5·4 = 40) → Reshape [N,8] → MatMul [8,3] (24) → Add: 64
    /// MACs.</summary>
    public static ModelProto MatMul() =>
        new OnnxBuilder()
            .Input("x", OnnxBuilder.Float, "N", 2, 5)
            .Weights("A", [5, 4], OnnxBuilder.Pattern(20))
            .Weights("B", [8, 3], OnnxBuilder.Pattern(24, 2))
            .Weights("C", [3], OnnxBuilder.Pattern(3, 3))
            .Integers("shape", 0, -1)
            .Node("MatMul", ["x", "A"], "h")
            .Node("Reshape", ["h", "shape"], "flat")
            .Node("MatMul", ["flat", "B"], "m")
            .Node("Add", ["m", "C"], "y")
            .Output("y", OnnxBuilder.Float, "N", 3)
            .Build();
}
