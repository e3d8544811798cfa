namespace Encas.Core.Search;

/// <summary>Everything an experiment produced: the runs, the median run, and optionally the baseline's runs.</summary>
/// <param name="Settings">The settings it ran with.</param>
/// <param name="Runs">The runs, by index.</param>
/// <param name="MedianRun">Index into <paramref name="Runs"/> of the median run by test hypervolume.</param>
/// <param name="Baseline">Random search with the same budget and seeds, or empty.</param>
/// <param name="PoolModels">Each pool model alone, as a cascade of one, for comparison.</param>
/// <param name="Seconds">Wall time of the search.</param>
public sealed record ExperimentResult(
    SearchSettings Settings,
    IReadOnlyList<RunResult> Runs,
    int MedianRun,
    IReadOnlyList<RunResult> Baseline,
    IReadOnlyList<CascadePoint> PoolModels,
    double Seconds)
{
    /// <summary>
    /// The median run index of a set of runs: the authors' <c>argsort(hv)[n // 2]</c>, ties by index.
    /// </summary>
    public static int Median(IReadOnlyList<RunResult> runs) => runs
        .Select((r, i) => (r.TestHypervolume, Index: i))
        .OrderBy(x => x.TestHypervolume).ThenBy(x => x.Index)
        .ElementAt(runs.Count / 2).Index;

    /// <summary>
    /// The union front: the strict validation Pareto front of every run's thinned front together (thinned
    /// again), with test scores.
    /// </summary>
    public IReadOnlyList<CascadePoint> UnionFront() =>
        ParetoFront.Thin(Search.ParetoFront.Strict(Runs.SelectMany(r => r.Front), p => p.Val));
}
