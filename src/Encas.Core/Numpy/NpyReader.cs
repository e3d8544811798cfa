using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Encas.Core.Numpy;

/// <summary>
/// Reads NumPy <c>.npy</c> arrays, plain or gzip'd, into half-precision matrices and integer vectors.
/// Every failure is an <see cref="InvalidDataException"/> whose message starts with the file name.
/// </summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Opens <paramref name="path"/>, unwrapping gzip when the file starts with the gzip magic.</summary>
    public static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        int got = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = got == 2 && head[0] == 0x1f && head[1] == 0x8b;
        if (path.EndsWith(".gz", StringComparison.Ordinal) && !gzip)
        {
            file.Dispose();
            throw new InvalidDataException($"{path}: not a gzip stream (the name ends in .gz)");
        }

        return gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>Reads the header and leaves <paramref name="stream"/> at the first data byte.</summary>
    public static NpyHeader ReadHeader(Stream stream, string file)
    {
        Span<byte> prefix = stackalloc byte[10];
        ReadExactly(stream, prefix, file, "the .npy header");
        if (!prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{file}: not a NumPy .npy array (bad magic)");
        }

        int major = prefix[6];
        int length;
        if (major == 1)
        {
            length = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        }
        else if (major is 2 or 3)
        {
            Span<byte> extra = stackalloc byte[2];
            ReadExactly(stream, extra, file, "the .npy header");
            length = (int)BinaryPrimitives.ReadUInt32LittleEndian([prefix[8], prefix[9], extra[0], extra[1]]);
        }
        else
        {
            throw new InvalidDataException($"{file}: unsupported .npy format version {major}");
        }

        if (length is <= 0 or > 1 << 20)
        {
            throw new InvalidDataException($"{file}: implausible .npy header length {length}");
        }

        var text = new byte[length];
        ReadExactly(stream, text, file, "the .npy header");
        return ParseHeader(Encoding.UTF8.GetString(text), file);
    }

    /// <summary>
    /// Reads a 2-D float16/float32/float64 array as half values, row-major. float32 and float64 are rounded
    /// to the nearest half.
    /// </summary>
    public static (Half[] Values, int Rows, int Cols) ReadHalfMatrix(string path)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        if (header.Kind != 'f' || header.ItemSize is not (2 or 4 or 8))
        {
            throw new InvalidDataException(
                $"{path}: dtype {header.Display} is not a float array (expected float16 or float32)");
        }

        if (header.Shape.Count != 2)
        {
            throw new InvalidDataException($"{path}: shape {header.ShapeText} is not (samples, classes)");
        }

        long count = header.Count;
        if (count > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: {count} values are too many for one model file");
        }

        var values = new Half[count];
        var buffer = new byte[Math.Min(count * header.ItemSize, 1 << 20)];
        long done = 0;
        while (done < count)
        {
            int take = (int)Math.Min(count - done, buffer.Length / header.ItemSize);
            var chunk = buffer.AsSpan(0, take * header.ItemSize);
            ReadData(stream, chunk, path, header, done);
            Decode(chunk, header, values.AsSpan((int)done, take));
            done += take;
        }

        return (values, (int)header.Shape[0], (int)header.Shape[1]);
    }

    /// <summary>Reads a 1-D integer array (int8 to int64, unsigned too) as 32-bit labels.</summary>
    public static int[] ReadLabels(string path)
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        if (header.Kind is not ('i' or 'u') || header.ItemSize is not (1 or 2 or 4 or 8))
        {
            throw new InvalidDataException($"{path}: dtype {header.Display} is not an integer label vector");
        }

        if (header.Shape.Count != 1)
        {
            throw new InvalidDataException($"{path}: shape {header.ShapeText} is not a vector of labels");
        }

        var bytes = new byte[header.Count * header.ItemSize];
        ReadData(stream, bytes, path, header, 0);
        var labels = new int[header.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            var item = bytes.AsSpan(i * header.ItemSize, header.ItemSize);
            long value = ReadInteger(item, header);
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw new InvalidDataException($"{path}: row {i}: label {value} is out of range");
            }

            labels[i] = (int)value;
        }

        return labels;
    }

    private static long ReadInteger(ReadOnlySpan<byte> item, NpyHeader header)
    {
        bool big = header.BigEndian;
        bool signed = header.Kind == 'i';
        return item.Length switch
        {
            1 => signed ? (sbyte)item[0] : item[0],
            2 => signed
                ? (big ? BinaryPrimitives.ReadInt16BigEndian(item) : BinaryPrimitives.ReadInt16LittleEndian(item))
                : (big ? BinaryPrimitives.ReadUInt16BigEndian(item) : BinaryPrimitives.ReadUInt16LittleEndian(item)),
            4 => signed
                ? (big ? BinaryPrimitives.ReadInt32BigEndian(item) : BinaryPrimitives.ReadInt32LittleEndian(item))
                : (big ? BinaryPrimitives.ReadUInt32BigEndian(item) : BinaryPrimitives.ReadUInt32LittleEndian(item)),
            _ => big ? BinaryPrimitives.ReadInt64BigEndian(item) : BinaryPrimitives.ReadInt64LittleEndian(item),
        };
    }

    private static void Decode(ReadOnlySpan<byte> bytes, NpyHeader header, Span<Half> target)
    {
        bool big = header.BigEndian;
        for (int i = 0; i < target.Length; i++)
        {
            var item = bytes.Slice(i * header.ItemSize, header.ItemSize);
            target[i] = header.ItemSize switch
            {
                2 => big ? BinaryPrimitives.ReadHalfBigEndian(item) : BinaryPrimitives.ReadHalfLittleEndian(item),
                4 => (Half)(big ? BinaryPrimitives.ReadSingleBigEndian(item)
                    : BinaryPrimitives.ReadSingleLittleEndian(item)),
                _ => (Half)(big ? BinaryPrimitives.ReadDoubleBigEndian(item)
                    : BinaryPrimitives.ReadDoubleLittleEndian(item)),
            };
        }
    }

    private static NpyHeader ParseHeader(string text, string file)
    {
        var descr = DescrPattern().Match(text);
        var order = FortranPattern().Match(text);
        var shape = ShapePattern().Match(text);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            throw new InvalidDataException($"{file}: unreadable .npy header '{text.Trim()}'");
        }

        if (order.Groups[1].Value == "True")
        {
            throw new InvalidDataException($"{file}: Fortran-ordered arrays are not supported; save in C order");
        }

        string code = descr.Groups[2].Value;
        bool big = descr.Groups[1].Value == ">";
        if (code.Length < 2 || !"fiub".Contains(code[0]) || !int.TryParse(code.AsSpan(1), out _))
        {
            throw new InvalidDataException($"{file}: unsupported dtype '{descr.Groups[1].Value}{code}'");
        }

        var dims = shape.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d, out long n) && n >= 0
                ? n
                : throw new InvalidDataException($"{file}: bad shape '({shape.Groups[1].Value})'"))
            .ToArray();
        return new NpyHeader(code, big, dims);
    }

    private static void ReadData(Stream stream, Span<byte> buffer, string file, NpyHeader header, long offset)
    {
        try
        {
            int got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (got < buffer.Length)
            {
                long have = (offset * header.ItemSize) + got;
                throw new InvalidDataException(
                    $"{file}: truncated: shape {header.ShapeText} of {header.Display} needs "
                    + $"{header.Count * header.ItemSize} data bytes, the file holds {have}");
            }
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(file, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file}: corrupt gzip stream ({ex.Message})", ex);
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string file, string what)
    {
        int got;
        try
        {
            got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{file}: corrupt gzip stream ({ex.Message})", ex);
        }

        if (got < buffer.Length)
        {
            throw new InvalidDataException($"{file}: truncated inside {what}");
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([<>|=]?)([a-zA-Z]\d+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
