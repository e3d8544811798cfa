namespace Encas.Core.Search;

/// <summary>The outcome of one run after the authors' post-processing.</summary>
/// <param name="Run">Run index.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Evaluations">Charged evaluations (cache hits are free).</param>
/// <param name="TotalEvaluations">All evaluations, cache hits included.</param>
/// <param name="ValHypervolume">Normalised hypervolume of <paramref name="Front"/> on validation.</param>
/// <param name="TestHypervolume">Normalised hypervolume of <paramref name="Front"/> on test.</param>
/// <param name="Front">The thinned front: one cascade per 0.1 % of validation accuracy, by validation MFLOPs.</param>
/// <param name="ParetoFront">The strict validation Pareto front of the final archive, before thinning.</param>
/// <param name="Archive">The final archive (all islands), scored on validation.</param>
/// <param name="Trace">Validation hypervolume of the archive over charged evaluations.</param>
public sealed record RunResult(
    int Run,
    long Seed,
    long Evaluations,
    long TotalEvaluations,
    double ValHypervolume,
    double TestHypervolume,
    IReadOnlyList<CascadePoint> Front,
    IReadOnlyList<CascadePoint> ParetoFront,
    IReadOnlyList<(int[] Genome, Cascades.CascadeScore Val)> Archive,
    IReadOnlyList<TracePoint> Trace);
