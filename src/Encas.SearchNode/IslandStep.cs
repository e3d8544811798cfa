namespace Encas.SearchNode;

/// <summary>How an island entity answered a command.</summary>
internal enum IslandStep
{
    /// <summary>The command had been done before: the cached reply was sent again.</summary>
    Cached,

    /// <summary>The island went on from where it stood in memory.</summary>
    Continued,

    /// <summary>The island was rebuilt from the command's snapshot (or from the start) first.</summary>
    Rebuilt,
}
