namespace Encas.Core.Search;

/// <summary>A point of a run's progress: charged evaluations so far and the validation hypervolume then.</summary>
/// <param name="Evaluations">Charged evaluations, all islands together.</param>
/// <param name="ValHypervolume">Normalised hypervolume of the islands' archives on validation.</param>
/// <param name="FrontSize">Members of the islands' archives together.</param>
public sealed record TracePoint(long Evaluations, double ValHypervolume, int FrontSize);
