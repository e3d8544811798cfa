using System.IO.MemoryMappedFiles;

namespace Encas.Core.Pools;

/// <summary>
/// A read-only, memory-mapped half-precision matrix of a pool file (samples × classes). The operating
/// system pages it in on demand and shares it between all readers of the file on the machine.
/// </summary>
public sealed unsafe class MappedHalfMatrix : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private bool _disposed;

    /// <summary>Maps <paramref name="path"/> and checks its header against the expected shape.</summary>
    public MappedHalfMatrix(string path, int rows, int cols)
    {
        long expected = PoolBinaryFile.HeaderBytes + ((long)rows * cols * 2);
        long length = new FileInfo(path).Length;
        if (length != expected)
        {
            throw new InvalidDataException($"{path}: {length} bytes, expected {expected} for {rows}×{cols} halves");
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _base);
        _base += _view.PointerOffset;
        Rows = rows;
        Cols = cols;
        PoolBinaryFile.CheckHeader(new ReadOnlySpan<byte>(_base, PoolBinaryFile.HeaderBytes), path,
            PoolBinaryFile.OutputsMagic, rows, cols);
    }

    /// <summary>Number of samples.</summary>
    public int Rows { get; }

    /// <summary>Number of classes.</summary>
    public int Cols { get; }

    /// <summary>The whole file, header included, for checksums.</summary>
    public ReadOnlySpan<byte> FileBytes => new(_base, PoolBinaryFile.HeaderBytes + (Rows * Cols * 2));

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<Half> Values => new(Data, Rows * Cols);

    /// <summary>Pointer to the first value (valid while this object lives).</summary>
    internal Half* Data => (Half*)(_base + PoolBinaryFile.HeaderBytes);

    /// <summary>One sample's probabilities.</summary>
    public ReadOnlySpan<Half> Row(int row) => new(Data + ((long)row * Cols), Cols);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
