namespace Encas.Core.Search;

/// <summary>Progress of one run, reported after every epoch.</summary>
/// <param name="Run">Run index.</param>
/// <param name="Kind">"encas" or "random".</param>
/// <param name="Evaluations">Charged evaluations so far.</param>
/// <param name="Budget">Charged evaluations the run will make.</param>
/// <param name="FrontSize">Archive size.</param>
/// <param name="ValHypervolume">Validation hypervolume of the archive.</param>
/// <param name="Finished">Whether the run is done.</param>
public sealed record RunProgress(int Run, string Kind, long Evaluations, long Budget, int FrontSize,
    double ValHypervolume, bool Finished);
