namespace Encas.Core.Cascades;

/// <summary>
/// A <see cref="CascadeEvaluator"/> with a cache keyed on the canonical phenotype, so genomes that differ only
/// in no-ops or dead thresholds are scored once. Not thread-safe: give each search thread its own.
/// </summary>
/// <remarks>
/// Which phenotypes were seen decides which evaluations the search is charged for, so the set of keys is part of
/// a run's state: <see cref="WriteKeys"/> saves it and <see cref="ReadKeys"/> brings it back. Scores are not
/// saved; a restored key is scored again the first time it is looked up (still a cache hit), which is exact
/// because scoring is a pure function of the phenotype.
/// </remarks>
public sealed class CachedCascadeEvaluator
{
    private readonly ICascadeScorer _evaluator;
    private readonly Dictionary<UInt128, CascadeScore> _cache = [];
    private readonly HashSet<UInt128> _restored = [];

    /// <summary>Wraps <paramref name="evaluator"/>.</summary>
    public CachedCascadeEvaluator(ICascadeScorer evaluator) => _evaluator = evaluator;

    /// <summary>Number of distinct phenotypes scored so far.</summary>
    public int Distinct => _cache.Count + _restored.Count;

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

        cached = _restored.Remove(phenotype.Key);
        if (cached)
        {
            Hits++;
        }

        score = _evaluator.Evaluate(phenotype);
        _cache[phenotype.Key] = score;
        return score;
    }

    /// <summary>Writes the hit count and every key seen, in ascending order.</summary>
    public void WriteKeys(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var keys = _cache.Keys.Concat(_restored).Order().ToArray();
        writer.Write(Hits);
        writer.Write(keys.Length);
        foreach (var key in keys)
        {
            writer.Write((ulong)key);
            writer.Write((ulong)(key >> 64));
        }
    }

    /// <summary>Replaces the cache by the keys <see cref="WriteKeys"/> wrote.</summary>
    public void ReadKeys(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long hits = reader.ReadInt64();
        int count = reader.ReadInt32();
        if (hits < 0 || count < 0)
        {
            throw new InvalidDataException($"cache state is corrupt (hits {hits}, keys {count})");
        }

        _cache.Clear();
        _restored.Clear();
        _restored.EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            ulong low = reader.ReadUInt64();
            ulong high = reader.ReadUInt64();
            _restored.Add(((UInt128)high << 64) | low);
        }

        Hits = hits;
    }
}
