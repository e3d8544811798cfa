using Encas.Core.Cascades;
using Encas.Gomea.Problems;

namespace Encas.Core.Search;

/// <summary>
/// The ENCAS fitness for MO-GOMEA: maximise (−error %, −MFLOPs) on the validation split. Scores come through a
/// phenotype cache, and a cache hit is reported as such, so the engine (with <c>ChargeCacheHits</c> off, as in
/// the authors' build) does not charge it against the budget. One instance per engine: it is not thread-safe.
/// </summary>
public sealed class CascadeObjective : IObjectiveFunction
{
    private readonly CachedCascadeEvaluator _cache;

    /// <summary>Creates the objective over <paramref name="validation"/>.</summary>
    public CascadeObjective(CascadeEvaluator validation) : this((ICascadeScorer)validation)
    {
    }

    /// <summary>Creates the objective over any exact scorer of the validation split.</summary>
    public CascadeObjective(ICascadeScorer validation)
    {
        _cache = new CachedCascadeEvaluator(validation);
        Alphabet = new GeneAlphabet(new int[GenomeLayout.Length], GenomeLayout.Alphabet(validation.PoolModels));
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => 2;

    /// <summary>Every evaluation asked for, cache hits included.</summary>
    public long Total { get; private set; }

    /// <summary>Evaluations answered by the cache.</summary>
    public long Hits => _cache.Hits;

    /// <inheritdoc />
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        var score = _cache.Evaluate(genes, out bool hit);
        objectives[0] = -score.ErrorPercent;
        objectives[1] = -score.Mflops;
        Total++;
        return new EvaluationOutcome(0, hit);
    }

    /// <summary>Writes the counters and the cache's keys (see <see cref="CachedCascadeEvaluator.WriteKeys"/>).</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Total);
        _cache.WriteKeys(writer);
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Total = reader.ReadInt64();
        _cache.ReadKeys(reader);
    }
}
