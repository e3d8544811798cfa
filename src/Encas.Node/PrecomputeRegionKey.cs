namespace Encas.Node;

/// <summary>Registry key of the precompute shard region (a proxy on nodes without the gpu role).</summary>
public sealed class PrecomputeRegionKey;
