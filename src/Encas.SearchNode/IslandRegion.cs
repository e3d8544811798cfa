using Encas.Messages;

namespace Encas.SearchNode;

/// <summary>The names the island shard region is started and proxied under.</summary>
public static class IslandRegion
{
    /// <summary>The sharding type name of the island entities.</summary>
    public const string Name = "island";

    /// <summary>The cluster role whose nodes host island entities.</summary>
    public const string Role = EncasRoles.Search;
}
