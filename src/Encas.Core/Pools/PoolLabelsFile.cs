using System.Buffers.Binary;

namespace Encas.Core.Pools;

/// <summary>Reads the int32 labels file of a pool split, checking length, header and checksum.</summary>
internal static class PoolLabelsFile
{
    public static int[] Read(string directory, SplitEntry entry, bool verify)
    {
        string path = Path.Combine(directory, entry.Labels.Path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: missing labels file", path);
        }

        var bytes = File.ReadAllBytes(path);
        long expected = PoolBinaryFile.HeaderBytes + (4L * entry.Samples);
        if (bytes.LongLength != expected)
        {
            throw new InvalidDataException($"{path}: {bytes.LongLength} bytes, expected {expected}");
        }

        PoolBinaryFile.CheckHeader(bytes, path, PoolBinaryFile.LabelsMagic, entry.Samples, 1);
        if (verify && PoolBinaryFile.Sha256(bytes) != entry.Labels.Sha256)
        {
            throw new InvalidDataException($"{path}: checksum mismatch; the file changed since it was written");
        }

        var labels = new int[entry.Samples];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(PoolBinaryFile.HeaderBytes + (i * 4)));
        }

        return labels;
    }
}
