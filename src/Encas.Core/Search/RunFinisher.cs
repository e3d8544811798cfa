using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>
/// The authors' post-processing of one run's final archive: strict Pareto front on validation, re-evaluation on
/// test (test MFLOPs from the test split), thinning to one cascade per 0.1 % of validation accuracy, and the
/// normalised hypervolume of the thinned front on both splits.
/// </summary>
public static class RunFinisher
{
    /// <summary>Builds the run's result from its final archive.</summary>
    public static RunResult Finish(int run, long seed, long charged, long total,
        IReadOnlyList<(int[] Genome, CascadeScore Val)> archive, CascadeEvaluator test, SearchSettings settings,
        IReadOnlyList<TracePoint> trace)
    {
        var pareto = ParetoFront.Strict(archive, a => a.Val)
            .Select(a => new CascadePoint(a.Genome, a.Val, test.Evaluate(Phenotype.FromGenome(a.Genome))))
            .ToList();
        var front = ParetoFront.Thin(pareto);
        return new RunResult(run, seed, charged, total,
            NormalisedHypervolume.Compute(front.Select(p => p.Val), settings.ReferenceError, settings.ReferenceMflops),
            NormalisedHypervolume.Compute(front.Select(p => p.Test), settings.ReferenceError,
                settings.ReferenceMflops),
            front, pareto, archive, trace);
    }
}
