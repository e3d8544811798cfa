namespace Encas.Gomea.Problems;

/// <summary>Wraps a problem and records at which evaluation every point of a known front was first evaluated.</summary>
/// <remarks>
/// Counts the evaluations it forwards that are not cache hits, which equals the engine's evaluation counter when
/// cache hits are not charged or do not occur. Used for the integer Zeromax–Onemax figure: the evaluation at which the
/// last front point was first evaluated.
/// </remarks>
public sealed class FrontDiscoveryRecorder : IObjectiveFunction
{
    private readonly IObjectiveFunction _inner;
    private readonly HashSet<(double, double)> _missing;
    private long _evaluations;

    /// <summary>Creates the recorder.</summary>
    /// <param name="inner">The problem to forward to (two objectives).</param>
    /// <param name="front">The known front.</param>
    public FrontDiscoveryRecorder(IObjectiveFunction inner, IEnumerable<double[]> front)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(front);
        _inner = inner;
        _missing = [.. front.Select(p => (p[0], p[1]))];
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet => _inner.Alphabet;

    /// <inheritdoc />
    public int ObjectiveCount => _inner.ObjectiveCount;

    /// <summary>The evaluation at which the last missing front point was first evaluated; null until then.</summary>
    public long? CompletedAt { get; private set; }

    /// <summary>Front points not evaluated yet.</summary>
    public int Missing => _missing.Count;

    /// <inheritdoc />
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        EvaluationOutcome outcome = _inner.Evaluate(genes, objectives, extremeObjective);
        if (!outcome.CacheHit)
        {
            _evaluations++;
        }

        if (_missing.Remove((objectives[0], objectives[1])) && _missing.Count == 0)
        {
            CompletedAt = _evaluations;
        }

        return outcome;
    }
}
