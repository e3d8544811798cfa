using Onnx;

namespace Encas.Inference.Compute;

internal sealed partial class GraphWalk
{
    private TensorFacts Pool(NodeProto node)
    {
        var x = In(node, 0);
        long[] kernel = NodeAttributes.Ints(node, "kernel_shape")
            ?? throw new UnfollowableGraphException($"{Describe(node)} has no kernel_shape");
        bool ceil = NodeAttributes.Int(node, "ceil_mode", 0) != 0;
        return new TensorFacts([x.Shape[0], x.Shape[1], .. Window(node, x.Shape[2..], kernel, ceil)]);
    }

    private TensorFacts GlobalPool(NodeProto node)
    {
        var x = In(node, 0);
        return new TensorFacts([x.Shape[0], x.Shape[1], .. Filled(x.Rank - 2, 1)]);
    }

    private TensorFacts Reduce(NodeProto node)
    {
        var x = In(node, 0);
        int moved = node.OpType == "ReduceSum" ? 13 : 18;
        var axes = AxesOf(node, 1, moved).Select(a => Axis(a, x.Rank, clamp: false)).ToHashSet();
        bool keep = NodeAttributes.Int(node, "keepdims", 1) != 0;
        if (axes.Count == 0 && NodeAttributes.Int(node, "noop_with_empty_axes", 0) != 0)
        {
            return new TensorFacts(x.Shape);
        }

        var shape = new List<long>();
        for (int d = 0; d < x.Rank; d++)
        {
            bool reduced = axes.Count == 0 || axes.Contains(d);
            if (!reduced || keep)
            {
                shape.Add(reduced ? 1 : x.Shape[d]);
            }
        }

        return new TensorFacts([.. shape]);
    }

    private TensorFacts Pad(NodeProto node)
    {
        var x = In(node, 0);
        long[] pads = _opset < 11 ? NodeAttributes.Ints(node, "pads") ?? [] : ConstantInput(node, 1, "pads");
        long[] axes = Optional(node, 3) is null ? [.. Enumerable.Range(0, x.Rank).Select(i => (long)i)]
            : ConstantInput(node, 3, "axes");
        if (pads.Length != 2 * axes.Length)
        {
            throw new UnfollowableGraphException($"{Describe(node)}: {pads.Length} pads for {axes.Length} axes");
        }

        long[] shape = [.. x.Shape];
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = (int)Axis(axes[i], x.Rank, clamp: false);
            shape[axis] += pads[i] + pads[i + axes.Length];
        }

        return new TensorFacts(shape);
    }

    private TensorFacts Slice(NodeProto node)
    {
        var x = In(node, 0);
        long[] starts, ends, axes, steps;
        if (_opset < 10)
        {
            starts = NodeAttributes.Ints(node, "starts") ?? [];
            ends = NodeAttributes.Ints(node, "ends") ?? [];
            axes = NodeAttributes.Ints(node, "axes") ?? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
            steps = Filled(starts.Length, 1);
        }
        else
        {
            starts = ConstantInput(node, 1, "starts");
            ends = ConstantInput(node, 2, "ends");
            axes = Optional(node, 3) is null ? [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)]
                : ConstantInput(node, 3, "axes");
            steps = Optional(node, 4) is null ? Filled(starts.Length, 1) : ConstantInput(node, 4, "steps");
        }

        long[] shape = [.. x.Shape];
        var first = new long[x.Rank];
        var step = Filled(x.Rank, 1);
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = (int)Axis(axes[i], x.Rank, clamp: false);
            long dim = x.Shape[axis];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (steps[i] > 0)
            {
                s = Math.Clamp(s, 0, dim);
                e = Math.Clamp(e, 0, dim);
                shape[axis] = Math.Max(0, CeilDiv(e - s, steps[i]));
            }
            else if (steps[i] < 0)
            {
                s = Math.Clamp(s, 0, dim - 1);
                e = Math.Clamp(e, -1, dim - 1);
                shape[axis] = Math.Max(0, CeilDiv(s - e, -steps[i]));
            }
            else
            {
                throw new UnfollowableGraphException($"{Describe(node)} has a zero step");
            }

            first[axis] = s;
            step[axis] = steps[i];
        }

        long[]? values = x.Rank == 1 && x.Values is not null
            ? [.. Enumerable.Range(0, (int)shape[0]).Select(i => x.Values[first[0] + (i * step[0])])]
            : null;
        return new TensorFacts(shape, values);
    }
}
