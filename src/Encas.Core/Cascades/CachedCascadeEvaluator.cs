namespace Encas.Core.Cascades;

/// <summary>
/// A <see cref="CascadeEvaluator"/> with a cache keyed on the canonical phenotype, so genomes that differ only
/// in no-ops or dead thresholds are scored once. Not thread-safe: give each search thread its own.
/// </summary>
public sealed class CachedCascadeEvaluator
{
    private readonly ICascadeScorer _evaluator;
    private readonly Dictionary<UInt128, CascadeScore> _cache = [];

    /// <summary>Wraps <paramref name="evaluator"/>.</summary>
    public CachedCascadeEvaluator(ICascadeScorer evaluator) => _evaluator = evaluator;

    /// <summary>Number of distinct phenotypes scored so far.</summary>
    public int Distinct => _cache.Count;

    /// <summary>Number of lookups answered from the cache.</summary>
    public long Hits { get; private set; }

    /// <summary>Scores a validated genome; <paramref name="cached"/> tells whether the cache answered.</summary>
    public CascadeScore Evaluate(ReadOnlySpan<int> genome, out bool cached)
    {
        var phenotype = Phenotype.FromGenome(genome);
        if (_cache.TryGetValue(phenotype.Key, out var score))
        {
            Hits++;
            cached = true;
            return score;
        }

        score = _evaluator.Evaluate(phenotype);
        _cache[phenotype.Key] = score;
        cached = false;
        return score;
    }
}
