namespace Encas.Gomea.Problems;

/// <summary>What an evaluation returns besides the objective values it wrote.</summary>
/// <param name="Constraint">Total constraint violation: 0 for a feasible genome, &gt; 0 otherwise.</param>
/// <param name="CacheHit">
/// True when the value came from a cache rather than a fresh evaluation. The engine charges such evaluations
/// against the budget only when <c>GomeaOptions.ChargeCacheHits</c> is set (ENCAS does not).
/// </param>
public readonly record struct EvaluationOutcome(double Constraint, bool CacheHit = false)
{
    /// <summary>A fresh, feasible evaluation.</summary>
    public static EvaluationOutcome Feasible => new(0.0);
}
