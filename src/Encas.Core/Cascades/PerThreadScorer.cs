namespace Encas.Core.Cascades;

/// <summary>
/// One scorer per calling thread, made on first use by a factory: lets threads share a scorer that is not
/// thread-safe but keeps caches worth keeping (such as a <see cref="Sparse.PrefixTableEvaluator"/>'s tuple tables).
/// Every scorer it makes must give the same exact scores, so which thread scores a cascade never changes a result.
/// </summary>
public sealed class PerThreadScorer : ICascadeScorer, IDisposable
{
    private readonly ThreadLocal<ICascadeScorer> _scorers;

    /// <summary>Scorers from <paramref name="create"/>, one per thread that scores.</summary>
    public PerThreadScorer(Func<ICascadeScorer> create, int poolModels)
    {
        ArgumentNullException.ThrowIfNull(create);
        _scorers = new ThreadLocal<ICascadeScorer>(create, trackAllValues: true);
        PoolModels = poolModels;
    }

    /// <inheritdoc />
    public int PoolModels { get; }

    /// <summary>Scorers made so far (one per thread that has scored).</summary>
    public int Count => _scorers.Values.Count;

    /// <inheritdoc />
    public CascadeScore Evaluate(Phenotype cascade) => _scorers.Value!.Evaluate(cascade);

    /// <summary>Disposes every scorer made (those that are disposable); none may be in use.</summary>
    public void Dispose()
    {
        foreach (var scorer in _scorers.Values)
        {
            (scorer as IDisposable)?.Dispose();
        }

        _scorers.Dispose();
    }
}
