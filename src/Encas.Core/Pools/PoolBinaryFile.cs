using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Encas.Core.IO;

namespace Encas.Core.Pools;

/// <summary>
/// The binary files of a pool: a 64-byte header (8-byte magic, version, rows, columns, zero padding)
/// followed by little-endian row-major data, so that the data start at an aligned offset when mapped.
/// </summary>
public static class PoolBinaryFile
{
    /// <summary>Bytes before the first data element.</summary>
    public const int HeaderBytes = 64;

    /// <summary>Magic of a half-precision output matrix (samples × classes).</summary>
    public const string OutputsMagic = "ENCASF16";

    /// <summary>Magic of an int32 label vector.</summary>
    public const string LabelsMagic = "ENCASI32";

    private const int Version = 1;

    /// <summary>Writes a half matrix atomically; -0 is stored as +0. Returns its manifest entry.</summary>
    public static StoredFile WriteOutputs(string poolDir, string relative, ReadOnlySpan<Half> values, int rows,
        int cols)
    {
        var bytes = new byte[HeaderBytes + ((long)values.Length * 2)];
        WriteHeader(bytes, OutputsMagic, rows, cols);
        var data = MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan(HeaderBytes));
        var source = MemoryMarshal.Cast<Half, ushort>(values);
        for (int i = 0; i < source.Length; i++)
        {
            ushort bits = source[i] == 0x8000 ? (ushort)0 : source[i];
            data[i] = BitConverter.IsLittleEndian ? bits : BinaryPrimitives.ReverseEndianness(bits);
        }

        return Store(poolDir, relative, bytes);
    }

    /// <summary>Writes an int32 label vector atomically. Returns its manifest entry.</summary>
    public static StoredFile WriteLabels(string poolDir, string relative, ReadOnlySpan<int> labels)
    {
        var bytes = new byte[HeaderBytes + ((long)labels.Length * 4)];
        WriteHeader(bytes, LabelsMagic, labels.Length, 1);
        for (int i = 0; i < labels.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(HeaderBytes + (i * 4)), labels[i]);
        }

        return Store(poolDir, relative, bytes);
    }

    /// <summary>Checks a header against what the manifest promises; errors name the file.</summary>
    public static void CheckHeader(ReadOnlySpan<byte> header, string file, string magic, int rows, int cols)
    {
        if (header.Length < HeaderBytes || Encoding.ASCII.GetString(header[..8]) != magic)
        {
            throw new InvalidDataException($"{file}: not an ENCAS {Describe(magic)} file (bad magic)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        int r = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int c = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        if (version != Version)
        {
            throw new InvalidDataException($"{file}: binary format version {version}, expected {Version}");
        }

        if (r != rows || c != cols)
        {
            throw new InvalidDataException($"{file}: holds {r}×{c} values, the manifest expects {rows}×{cols}");
        }
    }

    /// <summary>The lower-case hexadecimal SHA-256 of a byte span.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Describe(string magic) => magic == OutputsMagic ? "outputs" : "labels";

    private static void WriteHeader(Span<byte> bytes, string magic, int rows, int cols)
    {
        Encoding.ASCII.GetBytes(magic, bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[12..], rows);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[16..], cols);
    }

    private static StoredFile Store(string poolDir, string relative, byte[] bytes)
    {
        AtomicFile.Write(Path.Combine(poolDir, relative), s => s.Write(bytes));
        return new StoredFile(relative, bytes.LongLength, Sha256(bytes));
    }
}
