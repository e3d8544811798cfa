using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Encas.Messages;

namespace Encas.SearchNode;

/// <summary>
/// One island of one run as a sharded entity (entity id <see cref="IslandAddress.EntityId"/>): it answers
/// <see cref="AdvanceIsland"/> with <see cref="IslandAdvanced"/> and <see cref="SettleIsland"/> with
/// <see cref="IslandSettled"/>, or either with <see cref="IslandFailed"/>, always to the sender.
/// </summary>
/// <remarks>
/// Commands are idempotent and carry the last committed snapshot, so the coordinator may resend any command to
/// any node and gets the identical answer (see <see cref="IslandKeeper"/> for the rules). The entity never deletes
/// snapshot files: the coordinator owns cleanup. After <see cref="IdleTimeout"/> without a command it asks its
/// shard to passivate it, or stops when it does not live under sharding. It runs on
/// <see cref="IslandDispatcher"/>, because a command holds its thread for a whole epoch.
/// </remarks>
public sealed class IslandEntity : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IslandKeeper _keeper;

    /// <summary>An entity that takes its pool scorers from <paramref name="pools"/>.</summary>
    /// <remarks>Create it through <see cref="Props(IslandPools)"/>, which also picks the dispatcher.</remarks>
    public IslandEntity(IslandPools pools, TimeSpan idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(pools);
        string node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        _keeper = new IslandKeeper(pools, node);
        Receive<AdvanceIsland>(HandleAdvance);
        Receive<SettleIsland>(HandleSettle);
        Receive<ReceiveTimeout>(HandleIdle);
        SetReceiveTimeout(idleTimeout);
    }

    /// <summary>How long an entity waits for a command before it is passivated: 5 minutes.</summary>
    public static TimeSpan IdleTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The props of an island entity over the node's <paramref name="pools"/>, on its dispatcher.</summary>
    /// <remarks>The node's configuration must contain <see cref="IslandDispatcher.Hocon"/>.</remarks>
    public static Props Props(IslandPools pools) => Props(pools, IdleTimeout);

    /// <summary>The props with another idle timeout (tests).</summary>
    internal static Props Props(IslandPools pools, TimeSpan idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(pools);
        return Akka.Actor.Props.Create(() => new IslandEntity(pools, idleTimeout))
            .WithDispatcher(IslandDispatcher.Name);
    }

    /// <summary>Whether <paramref name="path"/> is a sharded entity's: <c>/system/sharding/type/shard/id</c>.</summary>
    internal static bool IsSharded(ActorPath path)
    {
        var elements = path.Elements;
        return elements.Count == 5 && elements[0] == "system" && elements[1] == "sharding";
    }

    private void HandleAdvance(AdvanceIsland command)
    {
        try
        {
            var (reply, step) = _keeper.Advance(command);
            _log.Debug("Island {Island} epoch {Epoch} advanced ({Step}): {Emigrants} emigrants, {Charged} charged",
                command.Island.EntityId, command.Epoch, step, reply.Emigrants.Count, reply.Charged);
            Sender.Tell(reply);
        }
        catch (Exception ex)
        {
            Sender.Tell(Failed(command.Island, command.Epoch, "advance", ex));
        }
    }

    private void HandleSettle(SettleIsland command)
    {
        try
        {
            var (reply, step) = _keeper.Settle(command);
            _log.Info(
                "Island {Island} epoch {Epoch} settled ({Step}): {Charged} charged, {Total} total, archive {Archive}",
                command.Island.EntityId, command.Epoch, step, reply.Charged, reply.Total, reply.Archive.Count);
            if (reply.Finished && step != IslandStep.Cached)
            {
                _log.Info("Island {Island} has spent its budget at epoch {Epoch}", command.Island.EntityId,
                    command.Epoch);
            }

            Sender.Tell(reply);
        }
        catch (Exception ex)
        {
            Sender.Tell(Failed(command.Island, command.Epoch, "settle", ex));
        }
    }

    private IslandFailed Failed(IslandAddress island, long epoch, string step, Exception ex)
    {
        if (ex is IslandCommandException known)
        {
            _log.Warning("Island {Island} epoch {Epoch} {Step} failed (retryable {Retryable}): {Reason}",
                island.EntityId, epoch, step, known.Retryable, known.Message);
            return new IslandFailed(island, epoch, known.Message, known.Retryable);
        }

        _log.Error(ex, "Island {Island} epoch {Epoch} {Step} failed", island.EntityId, epoch, step);
        string reason = IslandSnapshots.OneLine($"island {island.EntityId} epoch {epoch} {step}: " +
            $"{ex.GetType().Name}: {ex.Message}");
        return new IslandFailed(island, epoch, reason, Retryable: true);
    }

    private void HandleIdle(ReceiveTimeout timeout)
    {
        // Ask once: the shard answers with the stop message, and buffers commands that arrive meanwhile.
        SetReceiveTimeout(null);
        if (IsSharded(Self.Path))
        {
            _log.Debug("Island entity {Entity} idle: passivating", Self.Path.Name);
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
        else
        {
            _log.Debug("Island entity {Entity} idle: stopping", Self.Path.Name);
            Context.Stop(Self);
        }
    }
}
