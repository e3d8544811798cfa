using System.Collections.Concurrent;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Sparse;

namespace Encas.SearchNode;

/// <summary>
/// The pools of one search node: each pool folder is opened once (memory-mapped, validated) and its validation
/// split gets one thread-safe scorer for all island entities of the node. With a sparse sidecar
/// (<c>encas bench sparsify</c>) that is one <see cref="Core.Sparse.PrefixTableEvaluator"/> per island thread
/// (<see cref="PerThreadScorer"/>), whose tuple tables share the node's table budget; otherwise the dense exact
/// evaluator. All give the same scores bit for bit, so the choice never changes a run.
/// </summary>
/// <remarks>
/// Thread-safe. A pool that fails to open is not remembered: the next request tries again. The node owns the
/// instance and disposes it itself once its actor system has terminated (for example after awaiting
/// <c>ActorSystem.WhenTerminated</c>); this class does not register with coordinated shutdown, because an entity
/// may still be inside an epoch while the shutdown phases run, and the evaluator reads the mapped files.
/// </remarks>
public sealed class IslandPools : IDisposable
{
    /// <summary>The default table budget of a node, shared by its island threads: 1 GiB.</summary>
    public const long DefaultTableBudgetBytes = 1L << 30;

    private readonly ConcurrentDictionary<string, Lazy<(Pool Pool, ICascadeScorer Validation)>> _pools =
        new(StringComparer.Ordinal);
    private readonly long _threadBudget;
    private volatile bool _disposed;

    /// <summary>Pools whose tuple tables take at most <paramref name="tableBudgetBytes"/> per pool, split evenly
    /// over <paramref name="threads"/> island threads (the island dispatcher has one per core).</summary>
    public IslandPools(long tableBudgetBytes = DefaultTableBudgetBytes, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tableBudgetBytes);
        _threadBudget = tableBudgetBytes / Math.Max(1, threads > 0 ? threads : Environment.ProcessorCount);
    }

    /// <summary>How many pools are open.</summary>
    public int Count => _pools.Values.Count(p => p.IsValueCreated);

    /// <summary>The shared validation scorer of the pool <paramref name="poolPath"/>, which is opened once.</summary>
    /// <exception cref="FileNotFoundException">The pool (its manifest or one of its files) is missing.</exception>
    /// <exception cref="InvalidDataException">The pool is corrupt (manifest, sizes, checksums or outputs).</exception>
    /// <exception cref="ObjectDisposedException">The pools have been disposed.</exception>
    public ICascadeScorer Validation(string poolPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poolPath);
        ObjectDisposedException.ThrowIf(_disposed, this);
        string key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(poolPath));
        var entry = _pools.GetOrAdd(key, k => new(() => Open(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value.Validation;
        }
        catch
        {
            // Forget the failure (only this attempt's entry), so that a repaired pool can be opened later.
            _pools.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>Unmaps every open pool; scorers handed out before must not be used any more.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var entry in _pools.Values)
        {
            if (entry.IsValueCreated)
            {
                (entry.Value.Validation as IDisposable)?.Dispose();
                entry.Value.Pool.Dispose();
            }
        }

        _pools.Clear();
    }

    private (Pool Pool, ICascadeScorer Validation) Open(string path)
    {
        // With a sidecar the dense outputs are never scanned (a 1,000-class pool is tens of GB): the islands score
        // from the checksummed sparse rows and read a dense row only where the bounds cannot decide.
        bool sidecar = File.Exists(Path.Combine(path, SparseSidecar.RelativePath));
        var pool = Pool.Open(path, verifyChecksums: !sidecar, validateOutputs: !sidecar);
        try
        {
            var fast = FastScorer.OpenSparseFirst(pool, PoolSplits.Val, verifyChecksums: true,
                budgetBytes: _threadBudget);
            return (pool, fast.Sparse is null ? fast.Dense
                : new PerThreadScorer(fast.CreateScorer, fast.Dense.PoolModels));
        }
        catch
        {
            pool.Dispose();
            throw;
        }
    }
}
