using Akka.Cluster.Sharding;
using Encas.Messages;

namespace Encas.GpuNode;

/// <summary>
/// Routes <see cref="PrecomputeModel"/> commands to their entity: the entity id is
/// <see cref="PrecomputeModel.EntityId"/> (<c>{build}.m{index}</c>), the shard a hash of it.
/// </summary>
/// <remarks>Every node (hosts and proxies) must use the same shard count. Other messages have no entity id and
/// are dropped by the region.</remarks>
public sealed class PrecomputeMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>The shard count used unless another one is given: 30.</summary>
    public const int DefaultShards = 30;

    /// <summary>An extractor over <see cref="DefaultShards"/> shards.</summary>
    public PrecomputeMessageExtractor()
        : base(DefaultShards)
    {
    }

    /// <summary>The entity id of a precompute command, or null for any other message.</summary>
    public override string? EntityId(object message) => message is PrecomputeModel command ? command.EntityId : null;
}
