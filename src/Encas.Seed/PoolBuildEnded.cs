namespace Encas.Seed;

/// <summary>An experiment's pool build ended: published (<paramref name="Error"/> null) or not.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Error">Why no pool was published (every failed model, or the data error), or null.</param>
internal sealed record PoolBuildEnded(string ExperimentId, string? Error);
