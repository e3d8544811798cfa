namespace Encas.Node;

/// <summary>Registry key of the island shard region (a proxy on nodes without the search role).</summary>
public sealed class IslandRegionKey;
