namespace Encas.GpuNode;

/// <summary>Where one model of a sharded pool build stands.</summary>
/// <param name="Index">Its index in pool order.</param>
/// <param name="Name">Its name.</param>
/// <param name="State"><see cref="ModelState"/> name, lower case: pending, running, done or failed.</param>
/// <param name="Node">The node that last reported on it, or null before any did.</param>
/// <param name="Split">The split it is running, or null.</param>
/// <param name="Done">Samples of <paramref name="Split"/> done.</param>
/// <param name="Total">Samples of <paramref name="Split"/>.</param>
/// <param name="Attempts">Commands sent after failures, the first included (timeouts do not count).</param>
/// <param name="Reason">Why it failed, when it did.</param>
public sealed record ModelProgress(int Index, string Name, string State, string? Node, string? Split, int Done,
    int Total, int Attempts, string? Reason);
