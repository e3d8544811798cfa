using Encas.Core.Pools;
using Encas.Core.Sparse;

namespace Encas.Core.Cascades;

/// <summary>
/// The fast exact path for one split: the certified sparse evaluator when the pool has a sparse sidecar
/// (<see cref="SparseSidecar"/>), otherwise a <see cref="StageCacheEvaluator"/> per thread. Every scorer it hands
/// out gives the dense evaluator's scores bit for bit.
/// </summary>
public sealed class FastScorer
{
    /// <summary>Stage-cache budget per scorer when none is given: 1 GiB.</summary>
    public const long DefaultBudgetBytes = 1L << 30;

    private readonly CascadeEvaluator _dense;
    private readonly long _budget;

    private FastScorer(CascadeEvaluator dense, SparseCascadeEvaluator? sparse, long budget)
    {
        _dense = dense;
        Sparse = sparse;
        _budget = budget;
    }

    /// <summary>The sparse evaluator in use (thread-safe, shared), or null when the pool has no sidecar.</summary>
    public SparseCascadeEvaluator? Sparse { get; }

    /// <summary><c>sparse-prefix-tables</c> or <c>stage-cache</c>.</summary>
    public string Kind => Sparse is null ? "stage-cache" : "sparse-prefix-tables";

    /// <summary>Prepares the fast path for <paramref name="dense"/>'s split of <paramref name="pool"/>.</summary>
    public static FastScorer Open(Pool pool, CascadeEvaluator dense, bool verifyChecksums = false,
        long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(dense);
        var rows = SparseOutputs.TryLoad(pool, dense.Split.Name, verifyChecksums);
        return new FastScorer(dense, rows is null ? null : new SparseCascadeEvaluator(dense, rows), budgetBytes);
    }

    /// <summary>
    /// Prepares the fast path for one split of <paramref name="pool"/> without scanning the dense outputs when the
    /// pool has a sparse sidecar: the dense evaluator's top tables come from the sparse rows (their first entry is
    /// each row's exact top value and first argmax), and dense rows are read from the mapped file only for the rare
    /// samples the bounds cannot decide. Without a sidecar this is <see cref="Open"/> over a new dense evaluator.
    /// </summary>
    public static FastScorer OpenSparseFirst(Pool pool, string split, bool verifyChecksums = false,
        long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var data = pool.Split(split);
        var rows = SparseOutputs.TryLoad(pool, split, verifyChecksums);
        if (rows is null)
        {
            return Open(pool, new CascadeEvaluator(data), verifyChecksums, budgetBytes);
        }

        var top = new int[rows.Length][];
        var arg = new ushort[rows.Length][];
        Parallel.For(0, rows.Length, m =>
        {
            var sparse = rows[m];
            int k = sparse.K;
            top[m] = new int[data.Samples];
            arg[m] = new ushort[data.Samples];
            for (int i = 0; i < data.Samples; i++)
            {
                top[m][i] = Math.Max(0, sparse.Values[i * k]);
                arg[m][i] = sparse.Classes[i * k];
            }
        });
        var dense = CascadeEvaluator.FromTopTables(data, top, arg);
        return new FastScorer(dense, new SparseCascadeEvaluator(dense, rows), budgetBytes);
    }

    /// <summary>The dense evaluator underneath (built from the sparse rows by <see cref="OpenSparseFirst"/>).</summary>
    public CascadeEvaluator Dense => _dense;

    /// <summary>
    /// A scorer for one thread: a new <see cref="PrefixTableEvaluator"/> over the shared sparse evaluator, or a new
    /// stage cache when the pool has no sidecar.
    /// </summary>
    public ICascadeScorer CreateScorer() => Sparse is null ? new StageCacheEvaluator(_dense, _budget)
        : new PrefixTableEvaluator(Sparse, _budget);
}
