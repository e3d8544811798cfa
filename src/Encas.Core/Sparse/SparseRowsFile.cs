using System.Buffers.Binary;
using System.Text;
using Encas.Core.Cascades;
using Encas.Core.IO;
using Encas.Core.Pools;

namespace Encas.Core.Sparse;

/// <summary>
/// The file of one <see cref="SparseRows"/>: a 64-byte header (magic <c>ENCASTOP</c>, version, samples, k), then
/// little-endian uint16 classes (samples × k), the listed probabilities as half bit patterns (samples × k;
/// unused slots 0xFFFF) and the bounds as half bit patterns (samples).
/// </summary>
internal static class SparseRowsFile
{
    private const string Magic = "ENCASTOP";
    private const int Version = 1;
    private const ushort Unused = 0xFFFF;

    /// <summary>Writes <paramref name="rows"/> atomically; returns the sidecar entry with its SHA-256.</summary>
    public static StoredFile Write(string poolDir, string relative, SparseRows rows)
    {
        long cells = (long)rows.Samples * rows.K;
        var bytes = new byte[PoolBinaryFile.HeaderBytes + (cells * 4) + ((long)rows.Samples * 2)];
        Encoding.ASCII.GetBytes(Magic, bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), rows.Samples);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), rows.K);
        var span = bytes.AsSpan(PoolBinaryFile.HeaderBytes);
        for (long j = 0; j < cells; j++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[(int)(j * 2)..], rows.Classes[j]);
            ushort half = rows.Values[j] < 0 ? Unused : ToHalfBits(rows.Values[j]);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(int)((cells + j) * 2)..], half);
        }

        for (int i = 0; i < rows.Samples; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[((int)((2 * cells) + i) * 2)..], ToHalfBits(rows.Bounds[i]));
        }

        AtomicFile.WriteAllBytes(Path.Combine(poolDir, relative), bytes);
        return new StoredFile(relative, bytes.LongLength, PoolBinaryFile.Sha256(bytes));
    }

    /// <summary>Reads and checks a file against its sidecar entry; errors name the file.</summary>
    public static SparseRows Read(string poolDir, StoredFile entry, int samples, int k, bool verify)
    {
        string path = Path.Combine(poolDir, entry.Path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: missing (listed in the sparse sidecar)", path);
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.LongLength != entry.Bytes || (verify && PoolBinaryFile.Sha256(bytes) != entry.Sha256))
        {
            throw new InvalidDataException($"{path}: size or checksum differs from the sparse sidecar");
        }

        if (Encoding.ASCII.GetString(bytes, 0, 8) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) != Version
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)) != samples
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)) != k)
        {
            throw new InvalidDataException($"{path}: not a sparse outputs file of {samples} samples × top-{k}");
        }

        var rows = new SparseRows(samples, k);
        var table = HalfScale.Table;
        var span = bytes.AsSpan(PoolBinaryFile.HeaderBytes);
        long cells = (long)samples * k;
        for (long j = 0; j < cells; j++)
        {
            rows.Classes[j] = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(j * 2)..]);
            ushort half = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)((cells + j) * 2)..]);
            rows.Values[j] = half == Unused ? -1 : table[half];
        }

        for (int i = 0; i < samples; i++)
        {
            rows.Bounds[i] = table[BinaryPrimitives.ReadUInt16LittleEndian(span[((int)((2 * cells) + i) * 2)..])];
        }

        return rows;
    }

    // Every scaled value came from a half in [0, 1], so dividing by 2^24 gives that half back exactly.
    private static ushort ToHalfBits(int scaled) =>
        BitConverter.HalfToUInt16Bits((Half)(scaled / (double)HalfScale.One));
}
