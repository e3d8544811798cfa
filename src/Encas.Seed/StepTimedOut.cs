namespace Encas.Seed;

/// <summary>The periodic tick of a <see cref="RunDriver"/> step: re-send the commands not yet answered.</summary>
/// <param name="Epoch">The epoch the tick was started for.</param>
/// <param name="Step">The step the tick was started for.</param>
internal sealed record StepTimedOut(long Epoch, RunStep Step);
