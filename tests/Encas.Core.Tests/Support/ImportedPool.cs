using Encas.Core.Pools;

namespace Encas.Core.Tests.Support;

/// <summary>Writes a <see cref="SourcePool"/> in the ENCAS layout, imports it and opens the result.</summary>
public sealed class ImportedPool : IDisposable
{
    private readonly TempDir _dir = new();

    public ImportedPool(SourcePool source)
    {
        source.Write(_dir.Combine("source"));
        PoolImporter.Import(new PoolImportOptions(_dir.Combine("source"), _dir.Combine("pool")));
        Pool = Pool.Open(_dir.Combine("pool"));
    }

    public Pool Pool { get; }

    public void Dispose()
    {
        Pool.Dispose();
        _dir.Dispose();
    }
}
