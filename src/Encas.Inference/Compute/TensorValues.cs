using System.Buffers.Binary;
using Onnx;

namespace Encas.Inference.Compute;

/// <summary>Reads the facts of a constant tensor (an initializer or a Constant node's value).</summary>
internal static class TensorValues
{
    private const int Int32Type = 6;
    private const int Int64Type = 7;

    /// <summary>The shape, and the values when the tensor holds a few integers (int32 or int64).</summary>
    public static TensorFacts Read(TensorProto tensor)
    {
        long[] shape = [.. tensor.Dims];
        return new TensorFacts(shape, Integers(tensor, shape.Aggregate(1L, (a, b) => a * b)));
    }

    private static long[]? Integers(TensorProto tensor, long count)
    {
        int size = tensor.DataType switch
        {
            Int64Type => 8,
            Int32Type => 4,
            _ => 0,
        };
        if (size == 0 || count > 1 << 16)
        {
            return null;
        }

        if (size == 8 && tensor.Int64Data.Count == count)
        {
            return [.. tensor.Int64Data];
        }

        if (size == 4 && tensor.Int32Data.Count == count)
        {
            return [.. tensor.Int32Data.Select(v => (long)v)];
        }

        var raw = tensor.RawData.Span;
        if (raw.Length != count * size)
        {
            return null;
        }

        var values = new long[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = size == 8
                ? BinaryPrimitives.ReadInt64LittleEndian(raw[(i * 8)..])
                : BinaryPrimitives.ReadInt32LittleEndian(raw[(i * 4)..]);
        }

        return values;
    }
}
