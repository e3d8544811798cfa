using Akka.Cluster.Sharding;
using Encas.Messages;

namespace Encas.SearchNode;

/// <summary>
/// Routes island commands to their entity: the entity id is <see cref="IslandAddress.EntityId"/> and the shard is
/// a hash of it over a fixed number of shards.
/// </summary>
/// <remarks>
/// Every node of the cluster (hosts and proxies) must use the same shard count, or they disagree on where an
/// island lives. Messages that are not <see cref="IIslandCommand"/>s have no entity id and are dropped by the
/// region.
/// </remarks>
public sealed class IslandMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>The shard count used unless another one is given: 30.</summary>
    public const int DefaultShards = 30;

    /// <summary>An extractor over <see cref="DefaultShards"/> shards.</summary>
    public IslandMessageExtractor()
        : this(DefaultShards)
    {
    }

    /// <summary>An extractor over <paramref name="maxNumberOfShards"/> shards.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNumberOfShards"/> is less than 1.</exception>
    public IslandMessageExtractor(int maxNumberOfShards)
        : base(CheckShards(maxNumberOfShards))
    {
    }

    /// <summary>The entity id of an island command, or null for any other message.</summary>
    public override string? EntityId(object message) => message is IIslandCommand command
        ? command.Island.EntityId
        : null;

    private static int CheckShards(int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        return shards;
    }
}
