using Onnx;

namespace Encas.Inference.Compute;

internal sealed partial class GraphWalk
{
    private static readonly HashSet<string> SameShape =
    [
        "Relu", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Dropout", "Identity", "Cast", "BatchNormalization",
        "LeakyRelu", "Elu", "Selu", "Celu", "Clip", "Exp", "Log", "Sqrt", "Neg", "Abs", "Erf", "HardSigmoid",
        "HardSwish", "Softplus", "Softsign", "Gelu", "Reciprocal", "Floor", "Ceil", "Round", "Sign", "Not", "LRN",
        "InstanceNormalization", "LayerNormalization", "Mish", "ThresholdedRelu", "Shrink",
    ];

    private static readonly HashSet<string> Elementwise =
    [
        "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Equal", "Less", "Greater", "LessOrEqual",
        "GreaterOrEqual", "And", "Or", "Xor", "PRelu", "Mod", "Where",
    ];

    /// <summary>Shape (and integer value) propagation for the operators that do no multiply-accumulates.</summary>
    private TensorFacts Layout(NodeProto node)
    {
        if (SameShape.Contains(node.OpType))
        {
            var x = In(node, 0);
            return node.OpType is "Identity" or "Cast" ? x : new TensorFacts(x.Shape);
        }

        if (Elementwise.Contains(node.OpType))
        {
            return Arithmetic(node);
        }

        return node.OpType switch
        {
            "Constant" => Constant(node),
            "Shape" => ShapeOf(node),
            "Gather" => Gather(node),
            "Reshape" => Reshape(node),
            "Flatten" => Flatten(node),
            "Transpose" => Transpose(node),
            "Squeeze" => Squeeze(node),
            "Unsqueeze" => Unsqueeze(node),
            "Concat" => Concat(node),
            "Slice" => Slice(node),
            "Pad" => Pad(node),
            "MaxPool" or "AveragePool" or "LpPool" => Pool(node),
            "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool" => GlobalPool(node),
            "ReduceMean" or "ReduceSum" or "ReduceMax" or "ReduceMin" => Reduce(node),
            _ => throw new UnfollowableGraphException($"{Describe(node)}: operator {node.OpType} is not supported"),
        };
    }

    private TensorFacts Arithmetic(NodeProto node)
    {
        var inputs = Enumerable.Range(0, node.Input.Count).Select(i => In(node, i)).ToList();
        long[] shape = inputs.Skip(1).Aggregate(inputs[0].Shape, (s, f) => Broadcast(node, s, f.Shape));
        bool foldable = inputs.Count == 2 && node.OpType is "Add" or "Sub" or "Mul" or "Div"
            && inputs.All(f => f.Values is not null && (f.Count == 1 || f.Shape.SequenceEqual(shape)));
        if (!foldable)
        {
            return new TensorFacts(shape);
        }

        var (a, b) = (inputs[0].Values!, inputs[1].Values!);
        long count = shape.Aggregate(1L, (x, y) => x * y);
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            long x = a.Length == 1 ? a[0] : a[i];
            long y = b.Length == 1 ? b[0] : b[i];
            values[i] = node.OpType switch
            {
                "Add" => x + y,
                "Sub" => x - y,
                "Mul" => x * y,
                _ => y == 0 ? throw new UnfollowableGraphException($"{Describe(node)} divides by zero") : x / y,
            };
        }

        return new TensorFacts(shape, values);
    }

    private static TensorFacts Constant(NodeProto node)
    {
        var attribute = node.Attribute.FirstOrDefault()
            ?? throw new UnfollowableGraphException($"{Describe(node)} has no value");
        return attribute.Name switch
        {
            "value" => TensorValues.Read(attribute.T),
            "value_int" => new TensorFacts([], [attribute.I]),
            "value_ints" => new TensorFacts([attribute.Ints.Count], [.. attribute.Ints]),
            "value_float" => new TensorFacts([]),
            "value_floats" => new TensorFacts([attribute.Floats.Count]),
            _ => throw new UnfollowableGraphException($"{Describe(node)}: value kind '{attribute.Name}'"),
        };
    }

    private TensorFacts ShapeOf(NodeProto node)
    {
        var x = In(node, 0);
        int start = (int)Axis(NodeAttributes.Int(node, "start", 0), x.Rank, clamp: true);
        int end = (int)Axis(NodeAttributes.Int(node, "end", x.Rank), x.Rank, clamp: true);
        long[] values = end > start ? x.Shape[start..end] : [];
        return new TensorFacts([values.Length], values);
    }

    private TensorFacts Gather(NodeProto node)
    {
        var (data, indices) = (In(node, 0), In(node, 1));
        int axis = (int)Axis(NodeAttributes.Int(node, "axis", 0), data.Rank, clamp: false);
        long[] shape = [.. data.Shape[..axis], .. indices.Shape, .. data.Shape[(axis + 1)..]];
        long[]? values = null;
        if (data.Rank == 1 && data.Values is not null && indices.Values is not null)
        {
            values = [.. indices.Values.Select(i => data.Values[i < 0 ? i + data.Shape[0] : i])];
        }

        return new TensorFacts(shape, values);
    }

    private TensorFacts Reshape(NodeProto node)
    {
        var x = In(node, 0);
        long[] target = [.. ConstantInput(node, 1, "target shape")];
        bool allowZero = NodeAttributes.Int(node, "allowzero", 0) != 0;
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < target.Length; d++)
        {
            if (target[d] == 0 && !allowZero)
            {
                target[d] = x.Shape[d];
            }

            if (target[d] == -1)
            {
                unknown = d;
            }
            else
            {
                known *= target[d];
            }
        }

        if (unknown >= 0)
        {
            target[unknown] = known == 0 ? 0 : x.Count / known;
        }

        if (target.Aggregate(1L, (a, b) => a * b) != x.Count)
        {
            throw new UnfollowableGraphException($"{Describe(node)}: cannot reshape {x.ShapeText} to "
                + $"[{string.Join(",", ConstantInput(node, 1, "target shape"))}]");
        }

        return new TensorFacts(target, x.Values);
    }

    private TensorFacts Flatten(NodeProto node)
    {
        var x = In(node, 0);
        int axis = (int)Axis(NodeAttributes.Int(node, "axis", 1), x.Rank + 1, clamp: false);
        long outer = x.Shape[..axis].Aggregate(1L, (a, b) => a * b);
        return new TensorFacts([outer, x.Count / Math.Max(outer, 1)], x.Values);
    }

    private TensorFacts Transpose(NodeProto node)
    {
        var x = In(node, 0);
        long[] perm = NodeAttributes.Ints(node, "perm")
            ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)];
        return new TensorFacts([.. perm.Select(p => x.Shape[p])]);
    }

    private long[] AxesOf(NodeProto node, int inputIndex, int opsetMoved)
    {
        if (_opset < opsetMoved)
        {
            return NodeAttributes.Ints(node, "axes") ?? [];
        }

        return Optional(node, inputIndex) is null ? [] : ConstantInput(node, inputIndex, "axes");
    }

    private TensorFacts Squeeze(NodeProto node)
    {
        var x = In(node, 0);
        var axes = AxesOf(node, 1, 13).Select(a => Axis(a, x.Rank, clamp: false)).ToHashSet();
        long[] shape = [.. x.Shape.Where((d, i) => axes.Count == 0 ? d != 1 : !axes.Contains(i))];
        return new TensorFacts(shape, x.Values);
    }

    private TensorFacts Unsqueeze(NodeProto node)
    {
        var x = In(node, 0);
        long[] raw = AxesOf(node, 1, 13);
        int rank = x.Rank + raw.Length;
        var axes = raw.Select(a => Axis(a, rank, clamp: false)).ToHashSet();
        var shape = new long[rank];
        int next = 0;
        for (int d = 0; d < rank; d++)
        {
            shape[d] = axes.Contains(d) ? 1 : x.Shape[next++];
        }

        return new TensorFacts(shape, x.Values);
    }

    private TensorFacts Concat(NodeProto node)
    {
        var inputs = Enumerable.Range(0, node.Input.Count).Select(i => In(node, i)).ToList();
        int axis = (int)Axis(NodeAttributes.Int(node, "axis", 0), inputs[0].Rank, clamp: false);
        long[] shape = [.. inputs[0].Shape];
        shape[axis] = inputs.Sum(f => f.Shape[axis]);
        long[]? values = shape.Length == 1 && inputs.All(f => f.Values is not null)
            ? [.. inputs.SelectMany(f => f.Values!)]
            : null;
        return new TensorFacts(shape, values);
    }

    private static long Axis(long axis, int rank, bool clamp)
    {
        long a = axis < 0 ? axis + rank : axis;
        return clamp ? Math.Clamp(a, 0, rank) : a is >= 0 && a <= rank ? a
            : throw new UnfollowableGraphException($"axis {axis} is outside a rank-{rank} tensor");
    }
}
