using System.Buffers.Binary;
using Encas.Core.Numpy;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Numpy;

public sealed class NpyReaderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Big_endian_labels_and_version_two_headers_are_read()
    {
        var data = new byte[12];
        BinaryPrimitives.WriteInt32BigEndian(data, 7);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), 3);
        var v1 = NpyWriter.Encode(">i4", [3], data);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(v1.AsSpan(8));
        var v2 = new byte[v1.Length + 2];
        v1.AsSpan(0, 8).CopyTo(v2);
        v2[6] = 2;
        BinaryPrimitives.WriteUInt32LittleEndian(v2.AsSpan(8), (uint)headerLength);
        v1.AsSpan(10).CopyTo(v2.AsSpan(12));
        string path = _dir.Combine("labels.npy");
        File.WriteAllBytes(path, v2);
        Assert.Equal([7, 0, 3], NpyReader.ReadLabels(path));
    }

    [Fact]
    public void Fortran_order_is_refused_with_a_hint()
    {
        string path = _dir.Combine("f.npy");
        var bytes = NpyWriter.Float16(SourcePool.Rows([1f, 0f]));
        var text = System.Text.Encoding.Latin1.GetString(bytes).Replace("'fortran_order': False",
            "'fortran_order': True ");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
        var ex = Assert.Throws<InvalidDataException>(() => NpyReader.ReadHalfMatrix(path));
        Assert.Contains("C order", ex.Message);
    }

    [Fact]
    public void A_one_dimensional_output_is_refused()
    {
        string path = _dir.Combine("v.npy");
        File.WriteAllBytes(path, NpyWriter.Encode("<f2", [2], new byte[4]));
        var ex = Assert.Throws<InvalidDataException>(() => NpyReader.ReadHalfMatrix(path));
        Assert.Contains("(2,) is not (samples, classes)", ex.Message);
    }
}
