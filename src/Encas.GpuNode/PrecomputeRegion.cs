using Encas.Messages;

namespace Encas.GpuNode;

/// <summary>The names the precompute shard region is started and proxied under.</summary>
public static class PrecomputeRegion
{
    /// <summary>The sharding type name of the precompute entities.</summary>
    public const string Name = "precompute";

    /// <summary>The cluster role whose nodes host precompute entities.</summary>
    public const string Role = EncasRoles.Gpu;
}
