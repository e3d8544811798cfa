using Akka.Actor;

namespace Encas.GpuNode;

/// <summary>The requester of a <see cref="PoolBuildDriver"/> on behalf of code outside the actor system: passes
/// each <see cref="ModelProgress"/> to a callback and completes a task with the <see cref="PoolBuildOutcome"/>.
/// </summary>
public sealed class PoolBuildListener : ReceiveActor
{
    /// <summary>A listener; create it through <see cref="Props"/>.</summary>
    public PoolBuildListener(Action<ModelProgress> progress, TaskCompletionSource<PoolBuildOutcome> outcome)
    {
        Receive<ModelProgress>(progress);
        Receive<PoolBuildOutcome>(o =>
        {
            outcome.TrySetResult(o);
            Context.Stop(Self);
        });
    }

    /// <summary>The props of a listener.</summary>
    public static Props Props(Action<ModelProgress> progress, TaskCompletionSource<PoolBuildOutcome> outcome)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(outcome);
        return Akka.Actor.Props.Create(() => new PoolBuildListener(progress, outcome));
    }
}
