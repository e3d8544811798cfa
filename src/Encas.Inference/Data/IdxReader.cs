using System.Buffers.Binary;
using System.IO.Compression;

namespace Encas.Inference.Data;

/// <summary>
/// Reads the IDX format of MNIST-style datasets (big-endian header: two zero bytes, a type code, the
/// number of dimensions, then one int32 per dimension), plain or gzip'd, unsigned-byte data only.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an unsigned-byte IDX array; returns its bytes and its shape.</summary>
    /// <exception cref="InvalidDataException">The file is not IDX, not unsigned bytes, or truncated; the message
    /// starts with the file name.</exception>
    public static (byte[] Values, int[] Shape) Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        try
        {
            Span<byte> magic = stackalloc byte[4];
            Fill(stream, magic, path);
            if (magic[0] != 0 || magic[1] != 0 || magic[3] is 0 or > 8)
            {
                throw new InvalidDataException($"{path}: not an IDX file (bad magic)");
            }

            if (magic[2] != UnsignedByte)
            {
                throw new InvalidDataException(
                    $"{path}: IDX type code 0x{magic[2]:x2}; only unsigned bytes (0x08) are read");
            }

            var shape = new int[magic[3]];
            Span<byte> dim = stackalloc byte[4];
            long count = 1;
            for (int d = 0; d < shape.Length; d++)
            {
                Fill(stream, dim, path);
                shape[d] = BinaryPrimitives.ReadInt32BigEndian(dim);
                if (shape[d] < 0)
                {
                    throw new InvalidDataException($"{path}: negative IDX dimension {shape[d]}");
                }

                count *= shape[d];
            }

            if (count > Array.MaxLength)
            {
                throw new InvalidDataException($"{path}: {count} values are too many");
            }

            var values = new byte[count];
            Fill(stream, values, path);
            return (values, shape);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: corrupt gzip stream ({ex.Message})", ex);
        }
    }

    private static void Fill(Stream stream, Span<byte> buffer, string path)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new InvalidDataException($"{path}: truncated IDX file");
        }
    }
}
