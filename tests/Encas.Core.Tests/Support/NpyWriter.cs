using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Encas.Core.Tests.Support;

/// <summary>Writes NumPy .npy files (optionally gzip'd) the way numpy.save does, for test inputs.</summary>
public static class NpyWriter
{
    public static byte[] Encode(string descr, long[] shape, byte[] data)
    {
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add(1);
        bytes.Add(0);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }

    public static byte[] Float16(float[,] values)
    {
        var data = new byte[values.Length * 2];
        int k = 0;
        foreach (float v in values)
        {
            BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(k), (Half)v);
            k += 2;
        }

        return Encode("<f2", [values.GetLength(0), values.GetLength(1)], data);
    }

    public static byte[] Float32(float[,] values)
    {
        var data = new byte[values.Length * 4];
        int k = 0;
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(k), v);
            k += 4;
        }

        return Encode("<f4", [values.GetLength(0), values.GetLength(1)], data);
    }

    public static byte[] Int64(int[] labels)
    {
        var data = new byte[labels.Length * 8];
        for (int i = 0; i < labels.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(i * 8), labels[i]);
        }

        return Encode("<i8", [labels.Length], data);
    }
}
