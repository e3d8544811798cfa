using Akka.Actor;
using Akka.Event;
using Encas.Messages;

namespace Encas.GpuNode;

/// <summary>
/// Drives one sharded pool build: sends every model's <see cref="PrecomputeModel"/> to the precompute region,
/// re-sends a command no node has reported on for <see cref="PoolBuildDriverSettings.ResendAfter"/> (a killed
/// node's shards move to another gpu node once it is downed), sends retryable failures again within the attempt
/// budget, tells its requester a <see cref="ModelProgress"/> whenever a model moves, and ends with one
/// <see cref="PoolBuildOutcome"/> to the requester before it stops.
/// </summary>
/// <remarks>The bookkeeping is <see cref="PoolBuildPlan"/>'s; the driver owns the plan and disposes it when it
/// stops, which deletes an unpublished staging folder (a cancelled build leaves nothing behind).</remarks>
public sealed class PoolBuildDriver : ReceiveActor, IWithTimers
{
    private const string TickTimer = "tick";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _region;
    private readonly PoolBuildPlan _plan;
    private readonly IActorRef _requester;
    private readonly PoolBuildDriverSettings _settings;

    /// <summary>A driver; create it through <see cref="Props"/>.</summary>
    /// <remarks>Public because Akka creates actors through their public constructors.</remarks>
    public PoolBuildDriver(IActorRef region, PoolBuildPlan plan, IActorRef requester, PoolBuildDriverSettings settings)
    {
        _region = region;
        _plan = plan;
        _requester = requester;
        _settings = settings;
        Receive<PrecomputeProgress>(p => Moved(_plan.OnProgress(p, Now)));
        Receive<PrecomputeDone>(OnDone);
        Receive<PrecomputeFailed>(OnFailed);
        Receive<Tick>(_ => OnTick());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTime Now => DateTime.UtcNow;

    /// <summary>The props of a driver of <paramref name="plan"/> (which it will own and dispose).</summary>
    public static Props Props(IActorRef region, PoolBuildPlan plan, IActorRef requester,
        PoolBuildDriverSettings settings)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(settings);
        return Akka.Actor.Props.Create(() => new PoolBuildDriver(region, plan, requester, settings));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        var commands = _plan.Start(Now);
        _log.Info("Pool build {Build}: {Models} models sent to the precompute region", _plan.BuildId,
            commands.Count);
        foreach (var command in commands)
        {
            _region.Tell(command, Self);
        }

        Timers.StartPeriodicTimer(TickTimer, Tick.Instance, _settings.TickInterval);
        foreach (var model in _plan.Models)
        {
            _requester.Tell(model);
        }

        CheckFinished();
    }

    /// <inheritdoc />
    protected override void PostStop() => _plan.Dispose();

    private void OnDone(PrecomputeDone done)
    {
        if (Moved(_plan.OnDone(done, Now)) is { } model)
        {
            _log.Info("Pool build {Build}: model {Index} ({Model}) done on {Node}", _plan.BuildId, done.ModelIndex,
                model.Name, done.Node);
            CheckFinished();
        }
    }

    private void OnFailed(PrecomputeFailed failed)
    {
        var (resend, changed) = _plan.OnFailed(failed, Now);
        Moved(changed);
        if (resend is not null)
        {
            _log.Warning("Pool build {Build}: model {Index} failed on {Node}, retrying: {Reason}", _plan.BuildId,
                failed.ModelIndex, failed.Node, failed.Reason);
            _region.Tell(resend, Self);
        }
        else if (changed is not null)
        {
            _log.Warning("Pool build {Build}: model {Index} ({Model}) failed: {Reason}", _plan.BuildId,
                failed.ModelIndex, changed.Name, failed.Reason);
            CheckFinished();
        }
    }

    private void OnTick()
    {
        foreach (var command in _plan.DueForResend(Now, _settings.ResendAfter))
        {
            _log.Warning("Pool build {Build}: no word on model {Index} ({Model}) for {Timeout}; sending it again",
                _plan.BuildId, command.ModelIndex, command.Model.Name, _settings.ResendAfter);
            _region.Tell(command, Self);
        }
    }

    private ModelProgress? Moved(ModelProgress? progress)
    {
        if (progress is not null)
        {
            _requester.Tell(progress);
        }

        return progress;
    }

    private void CheckFinished()
    {
        if (!_plan.IsFinished)
        {
            return;
        }

        PoolBuildOutcome outcome;
        try
        {
            outcome = _plan.Finish();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.Error(ex, "Pool build {Build}: publishing failed", _plan.BuildId);
            outcome = new PoolBuildOutcome(null, [], [], $"publishing the pool failed: {ex.Message}",
                _plan.Models.Count);
        }

        _requester.Tell(outcome);
        Context.Stop(Self);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
