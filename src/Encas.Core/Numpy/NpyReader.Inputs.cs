using System.Buffers.Binary;

namespace Encas.Core.Numpy;

public static partial class NpyReader
{
    /// <summary>
    /// Reads an N-d float32 or uint8 array (at least one dimension) as float32 values, row-major, each value
    /// exactly as stored (uint8 becomes the same integer in float32).
    /// </summary>
    /// <param name="path">The <c>.npy</c> or gzip'd <c>.npy.gz</c> file.</param>
    /// <returns>The values and the array shape; the first dimension is the sample count.</returns>
    /// <exception cref="InvalidDataException">The file is not a readable .npy array, its dtype is neither
    /// float32 nor uint8, it is 0-d, or it holds more values than one array can.</exception>
    public static (float[] Values, long[] Shape) ReadFloat32Array(string path)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        bool float32 = header.Kind == 'f' && header.ItemSize == 4;
        bool uint8 = header.Kind == 'u' && header.ItemSize == 1;
        if (!float32 && !uint8)
        {
            throw new InvalidDataException(
                $"{path}: dtype {header.Display} is not float32 or uint8 (inputs are fed to the models as float32 "
                + "exactly as stored)");
        }

        if (header.Shape.Count == 0)
        {
            throw new InvalidDataException($"{path}: a 0-d array; inputs need shape (samples, ...)");
        }

        long count = header.Count;
        if (count > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: {count} values are too many for one input array");
        }

        var values = new float[count];
        var buffer = new byte[Math.Min(count * header.ItemSize, 1 << 20)];
        long done = 0;
        while (done < count)
        {
            int take = (int)Math.Min(count - done, buffer.Length / header.ItemSize);
            var chunk = buffer.AsSpan(0, take * header.ItemSize);
            ReadData(stream, chunk, path, header, done);
            var target = values.AsSpan((int)done, take);
            for (int i = 0; i < take; i++)
            {
                target[i] = uint8 ? chunk[i]
                    : header.BigEndian ? BinaryPrimitives.ReadSingleBigEndian(chunk[(i * 4)..])
                    : BinaryPrimitives.ReadSingleLittleEndian(chunk[(i * 4)..]);
            }

            done += take;
        }

        return (values, [.. header.Shape]);
    }
}
