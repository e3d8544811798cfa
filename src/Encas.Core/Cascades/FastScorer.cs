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

    /// <summary><c>sparse</c> or <c>stage-cache</c>.</summary>
    public string Kind => Sparse is null ? "stage-cache" : "sparse";

    /// <summary>Prepares the fast path for <paramref name="dense"/>'s split of <paramref name="pool"/>.</summary>
    public static FastScorer Open(Pool pool, CascadeEvaluator dense, bool verifyChecksums = false,
        long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(dense);
        var rows = SparseOutputs.TryLoad(pool, dense.Split.Name, verifyChecksums);
        return new FastScorer(dense, rows is null ? null : new SparseCascadeEvaluator(dense, rows), budgetBytes);
    }

    /// <summary>A scorer for one thread (the shared sparse evaluator, or a new stage cache).</summary>
    public ICascadeScorer CreateScorer() => Sparse ?? (ICascadeScorer)new StageCacheEvaluator(_dense, _budget);
}
