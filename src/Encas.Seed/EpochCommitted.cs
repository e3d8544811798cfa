namespace Encas.Seed;

/// <summary>The coordinator persisted a run's epoch: its snapshots are committed, the next epoch may start.</summary>
/// <param name="Epoch">The committed epoch.</param>
internal sealed record EpochCommitted(long Epoch);
