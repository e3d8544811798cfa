namespace Encas.Seed;

/// <summary>Where a <see cref="RunDriver"/> is within an epoch.</summary>
internal enum RunStep
{
    /// <summary>Waiting for every island's <c>IslandAdvanced</c>.</summary>
    Advance,

    /// <summary>Waiting for every island's <c>IslandSettled</c>.</summary>
    Settle,

    /// <summary>Waiting for the coordinator to persist the epoch.</summary>
    Commit,

    /// <summary>Failed or finished; nothing more to send.</summary>
    Stopped,
}
