namespace Encas.Seed;

/// <summary>A run driver saw island <paramref name="Island"/> answer from <paramref name="Node"/> (not persisted:
/// the node is a live fact for status queries, not part of the run's outcome).</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Run">The run.</param>
/// <param name="Island">The island index.</param>
/// <param name="Node">The address of the node that answered.</param>
internal sealed record IslandPlaced(string ExperimentId, int Run, int Island, string Node);
