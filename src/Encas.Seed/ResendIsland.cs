namespace Encas.Seed;

/// <summary>Re-send one island's command after a retryable failure.</summary>
/// <param name="Island">The island index.</param>
/// <param name="Epoch">The epoch of the failed command.</param>
/// <param name="Step">The step of the failed command.</param>
internal sealed record ResendIsland(int Island, long Epoch, RunStep Step);
