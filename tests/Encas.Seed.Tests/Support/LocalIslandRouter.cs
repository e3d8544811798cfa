using Akka.Actor;
using Encas.Messages;
using Encas.SearchNode;

namespace Encas.Seed.Tests.Support;

/// <summary>
/// Stands in for the island shard region in one actor system: one <see cref="IslandEntity"/> child per entity id,
/// created on first use, commands forwarded with their sender.
/// </summary>
public sealed class LocalIslandRouter : ReceiveActor
{
    public LocalIslandRouter(IslandPools pools)
    {
        Receive<IIslandCommand>(command =>
        {
            string name = Uri.EscapeDataString(command.Island.EntityId);
            var child = Context.Child(name);
            if (child.IsNobody())
            {
                child = Context.ActorOf(IslandEntity.Props(pools), name);
            }

            child.Forward(command);
        });
    }
}
