using Encas.Core.Pools;

namespace Encas.Core.Cascades;

/// <summary>
/// Builds the fast exact scorer for one split: a <see cref="StageCacheEvaluator"/> over the dense tables.
/// Every scorer it returns gives the dense evaluator's scores bit for bit.
/// </summary>
public static class FastScorer
{
    /// <summary>Cache budget per scorer when none is given: 1 GiB.</summary>
    public const long DefaultBudgetBytes = 1L << 30;

    /// <summary>
    /// A new scorer for <paramref name="dense"/>'s split (one per thread: scorers are not thread-safe), with a
    /// stage cache of at most <paramref name="budgetBytes"/>.
    /// </summary>
    public static ICascadeScorer Create(CascadeEvaluator dense, Pool pool, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(pool);
        return new StageCacheEvaluator(dense, budgetBytes);
    }
}
