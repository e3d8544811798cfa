using Akka.Actor;
using Encas.Inference.Building;

namespace Encas.GpuNode;

/// <summary>Runs one sharded pool build from code outside the actor system: a driver and a listener on
/// <c>system</c>, the outcome awaited.</summary>
public static class PoolBuildSession
{
    /// <summary>Drives <paramref name="plan"/> to its end through <paramref name="region"/>.</summary>
    /// <param name="system">The actor system the driver runs on.</param>
    /// <param name="region">The precompute region (or its proxy).</param>
    /// <param name="plan">The build; the driver takes it over and disposes it.</param>
    /// <param name="progress">Receives every model's moves; may be null.</param>
    /// <param name="settings">The driver's timing; null uses the defaults.</param>
    /// <param name="cancel">Stops the driver: nothing is published and the staging folder is deleted.</param>
    /// <returns>The manifest and records, in pool order.</returns>
    /// <exception cref="PoolBuildException">One or more models failed; nothing was published.</exception>
    /// <exception cref="InvalidDataException">A labels file does not fit the models' class count.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<PoolBuildOutcome> RunAsync(ActorSystem system, IActorRef region, PoolBuildPlan plan,
        IProgress<ModelProgress>? progress, PoolBuildDriverSettings? settings, CancellationToken cancel)
    {
        var outcome = await DriveAsync(system, region, plan, progress, settings, cancel);
        if (outcome.DataError is { } error)
        {
            throw new InvalidDataException(error);
        }

        if (outcome.Failures.Count > 0)
        {
            throw new PoolBuildException(outcome.Failures, outcome.Models);
        }

        return outcome;
    }

    /// <summary>Drives <paramref name="plan"/> to its end and returns the outcome as it is, failures included.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <exception cref="InvalidOperationException">The actor system stopped before the build ended.</exception>
    public static async Task<PoolBuildOutcome> DriveAsync(ActorSystem system, IActorRef region, PoolBuildPlan plan,
        IProgress<ModelProgress>? progress, PoolBuildDriverSettings? settings, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(plan);
        var done = new TaskCompletionSource<PoolBuildOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = system.ActorOf(PoolBuildListener.Props(p => progress?.Report(p), done));
        var driver = system.ActorOf(PoolBuildDriver.Props(region, plan, listener, settings ?? new()),
            $"pool-build-{plan.BuildId}");
        await using (cancel.Register(() =>
        {
            system.Stop(driver);
            system.Stop(listener);
            done.TrySetCanceled(cancel);
        }))
        {
            // A node downed by the split-brain resolver stops its actor system and the driver with it: say so
            // rather than wait for an outcome that can no longer come.
            var first = await Task.WhenAny(done.Task, system.WhenTerminated);
            if (first != done.Task && !done.Task.IsCompleted)
            {
                throw new InvalidOperationException(
                    $"pool build {plan.BuildId}: the node shut down (downed or stopped) before the build finished");
            }

            return await done.Task;
        }
    }
}
