namespace Encas.SearchNode;

/// <summary>Where an island stands within its epoch.</summary>
internal enum IslandPhase
{
    /// <summary>No usable state: the next command rebuilds the island from its snapshot.</summary>
    None,

    /// <summary>The epoch has been run and the emigrants chosen; the immigrants are still to come.</summary>
    Advanced,

    /// <summary>The epoch is complete and its snapshot written (epoch 0: a fresh island).</summary>
    Settled,
}
