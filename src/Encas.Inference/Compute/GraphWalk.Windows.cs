using Onnx;

namespace Encas.Inference.Compute;

internal sealed partial class GraphWalk
{
    /// <summary>Output sizes of a sliding window (Conv, pooling) over <paramref name="input"/> spatial sizes,
    /// from the node's strides, pads, dilations and auto_pad, as the ONNX operator definitions give them.</summary>
    private static long[] Window(NodeProto node, long[] input, long[] kernel, bool ceilMode)
    {
        int rank = input.Length;
        long[] strides = NodeAttributes.Ints(node, "strides") ?? Filled(rank, 1);
        long[] dilations = NodeAttributes.Ints(node, "dilations") ?? Filled(rank, 1);
        long[] pads = NodeAttributes.Ints(node, "pads") ?? Filled(2 * rank, 0);
        string autoPad = NodeAttributes.Text(node, "auto_pad", "NOTSET");
        if (strides.Length != rank || dilations.Length != rank || pads.Length != 2 * rank || kernel.Length != rank)
        {
            throw new UnfollowableGraphException($"{Describe(node)}: attributes do not match {rank} spatial axes");
        }

        var output = new long[rank];
        for (int d = 0; d < rank; d++)
        {
            long extent = (dilations[d] * (kernel[d] - 1)) + 1;
            long s = strides[d];
            output[d] = autoPad switch
            {
                "SAME_UPPER" or "SAME_LOWER" => CeilDiv(input[d], s),
                "VALID" => CeilDiv(input[d] - extent + 1, s),
                "NOTSET" or "" => Explicit(input[d] + pads[d], pads[d + rank], extent, s, ceilMode),
                _ => throw new UnfollowableGraphException($"{Describe(node)}: unknown auto_pad '{autoPad}'"),
            };
            if (output[d] <= 0)
            {
                throw new UnfollowableGraphException(
                    $"{Describe(node)}: window {kernel[d]} does not fit axis {d} of size {input[d]}");
            }
        }

        return output;
    }

    private static long Explicit(long inputPlusBegin, long end, long extent, long stride, bool ceilMode)
    {
        long span = inputPlusBegin + end - extent;
        if (span < 0)
        {
            return 0;
        }

        long count = (ceilMode ? CeilDiv(span, stride) : span / stride) + 1;

        // With ceil_mode, a last window that would start inside the end padding is dropped (as PyTorch does).
        return ceilMode && (count - 1) * stride >= inputPlusBegin ? count - 1 : count;
    }

    private static long CeilDiv(long a, long b) => a <= 0 ? a / b : ((a - 1) / b) + 1;

    private static long[] Filled(int length, long value) => [.. Enumerable.Repeat(value, length)];

    /// <summary>NumPy broadcasting of two shapes.</summary>
    private static long[] Broadcast(NodeProto node, long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var shape = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long x = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long y = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            shape[i] = x == y || y == 1 ? x : x == 1 ? y
                : throw new UnfollowableGraphException(
                    $"{Describe(node)}: shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast");
        }

        return shape;
    }
}
