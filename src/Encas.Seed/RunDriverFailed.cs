namespace Encas.Seed;

/// <summary>A run cannot go on; the experiment fails with <paramref name="Reason"/>.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Run">The run.</param>
/// <param name="Reason">One line naming the island, the epoch and what went wrong.</param>
internal sealed record RunDriverFailed(string ExperimentId, int Run, string Reason);
