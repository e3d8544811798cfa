namespace Encas.Core.Cascades;

/// <summary>
/// Something that scores canonical cascades on one split exactly as DESIGN §4 defines it: the dense
/// <see cref="CascadeEvaluator"/>, or a faster evaluator that must return the same scores bit for bit.
/// </summary>
public interface ICascadeScorer
{
    /// <summary>Number of pool models (genome model genes range over 0 … this).</summary>
    int PoolModels { get; }

    /// <summary>Scores a canonical cascade.</summary>
    CascadeScore Evaluate(Phenotype cascade);
}
