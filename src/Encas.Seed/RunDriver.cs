using Akka.Actor;
using Akka.Event;
using Encas.Core.Cascades;
using Encas.Core.Search;
using Encas.Messages;

namespace Encas.Seed;

/// <summary>
/// Drives one run of an experiment through the island region, epoch by epoch, in the order of
/// <see cref="IslandRun.RunEpoch"/>: every island advances to the epoch; once all have, each settles with its ring
/// predecessor's emigrants (island i takes those of island (i − 1 + I) mod I) and writes its snapshot; once all
/// have, the islands' archives are united in island order, the trace point is taken, and the epoch goes to the
/// parent as a <see cref="RunEpochCompleted"/>. The next epoch starts only when the parent has persisted it, from
/// the snapshots it committed.
/// </summary>
/// <remarks>
/// Commands are idempotent, so unanswered ones are re-sent every <see cref="CoordinatorOptions.StepTimeout"/>;
/// replies of another epoch or step, and duplicates, are ignored. A retryable <see cref="IslandFailed"/> re-sends
/// after <see cref="CoordinatorOptions.RetryInterval"/>, at most <see cref="CoordinatorOptions.MaxRetries"/> times
/// per island and epoch; any other failure fails the run.
/// </remarks>
public sealed class RunDriver : ReceiveActor, IWithTimers
{
    private const string StepTimer = "step";
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _islands;
    private readonly IslandSpec _spec;
    private readonly SearchSettings _settings;
    private readonly CoordinatorOptions _options;
    private readonly IslandAddress[] _addresses;
    private readonly SnapshotRef?[] _from;
    private readonly IslandAdvanced?[] _advanced;
    private readonly IslandSettled?[] _settled;
    private readonly int[] _failures;
    private long _epoch;
    private RunStep _step;

    /// <summary>A driver for one run; create it through <see cref="Props"/>, which checks the arguments.</summary>
    /// <remarks>Public because Akka creates actors through their public constructors.</remarks>
    public RunDriver(IActorRef islands, IslandSpec spec, string experimentId, int run, RunEpochCompleted? last,
        CoordinatorOptions options)
    {
        _islands = islands;
        _spec = spec;
        _settings = spec.Search.ToSettings();
        _options = options;
        int count = _settings.Islands;
        ExperimentId = experimentId;
        Run = run;
        _addresses = Enumerable.Range(0, count).Select(i => new IslandAddress(experimentId, run, i)).ToArray();
        _from = last?.Snapshots.ToArray() ?? new SnapshotRef?[count];
        _advanced = new IslandAdvanced?[count];
        _settled = new IslandSettled?[count];
        _failures = new int[count];
        _epoch = (last?.Epoch ?? 0) + 1;
        Receive<IslandAdvanced>(OnAdvanced);
        Receive<IslandSettled>(OnSettled);
        Receive<IslandFailed>(OnFailed);
        Receive<EpochCommitted>(OnCommitted);
        Receive<StepTimedOut>(OnStepTimedOut);
        Receive<ResendIsland>(OnResend);
    }

    /// <summary>The experiment.</summary>
    public string ExperimentId { get; }

    /// <summary>The run index.</summary>
    public int Run { get; }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// The props of a driver for run <paramref name="run"/> that resumes after <paramref name="last"/> (its last
    /// committed epoch, or null to start from scratch) and sends island commands to <paramref name="islands"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="last"/> does not hold one snapshot per island.</exception>
    public static Props Props(IActorRef islands, IslandSpec spec, string experimentId, int run,
        RunEpochCompleted? last, CoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(islands);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (last is not null && last.Snapshots.Count != spec.Search.Islands)
        {
            throw new ArgumentException($"run {run} of {experimentId}: epoch {last.Epoch} has "
                + $"{last.Snapshots.Count} snapshots for {spec.Search.Islands} islands", nameof(last));
        }

        return Akka.Actor.Props.Create(() => new RunDriver(islands, spec, experimentId, run, last, options));
    }

    /// <inheritdoc />
    protected override void PreStart() => Begin(RunStep.Advance);

    private void Begin(RunStep step)
    {
        _step = step;
        Array.Clear(_failures);
        for (int i = 0; i < _addresses.Length; i++)
        {
            Send(i);
        }

        Timers.StartPeriodicTimer(StepTimer, new StepTimedOut(_epoch, step), _options.StepTimeout);
    }

    private void Send(int island)
    {
        int count = _addresses.Length;
        IIslandCommand command = _step == RunStep.Advance
            ? new AdvanceIsland(_addresses[island], _spec, _epoch, _from[island])
            : new SettleIsland(_addresses[island], _spec, _epoch, _from[island],
                _advanced[(island - 1 + count) % count]!.Emigrants);
        _islands.Tell(command, Self);
    }

    private void OnAdvanced(IslandAdvanced reply)
    {
        if (Accepts(reply.Island, reply.Epoch, RunStep.Advance) is not { } i || _advanced[i] is not null)
        {
            return;
        }

        _advanced[i] = reply;
        Context.Parent.Tell(new IslandPlaced(ExperimentId, Run, i, reply.Node));
        if (_advanced.All(a => a is not null))
        {
            Begin(RunStep.Settle);
        }
    }

    private void OnSettled(IslandSettled reply)
    {
        if (Accepts(reply.Island, reply.Epoch, RunStep.Settle) is not { } i || _settled[i] is not null)
        {
            return;
        }

        _settled[i] = reply;
        Context.Parent.Tell(new IslandPlaced(ExperimentId, Run, i, reply.Node));
        if (_settled.All(s => s is not null))
        {
            Complete();
        }
    }

    private void Complete()
    {
        var settled = _settled.Select(s => s!).ToList();
        var union = IslandArchives.Union(settled.Select(s => s.Archive
            .Select(a => (a.Genome, new CascadeScore(a.ValError, a.ValMflops))).ToList()));
        long charged = settled.Sum(s => s.Charged);
        var point = IslandArchives.Trace(charged, union, _settings);
        _step = RunStep.Commit;
        Timers.Cancel(StepTimer);
        Context.Parent.Tell(new RunEpochCompleted(ExperimentId, Run, _epoch, settled.Select(s => s.Snapshot).ToList(),
            settled.Select(s => s.Charged).ToList(), charged, settled.Sum(s => s.Total), point.ValHypervolume,
            point.FrontSize, settled.All(s => s.Finished)));
    }

    private void OnCommitted(EpochCommitted committed)
    {
        if (_step != RunStep.Commit || committed.Epoch != _epoch)
        {
            return;
        }

        for (int i = 0; i < _from.Length; i++)
        {
            _from[i] = _settled[i]!.Snapshot;
        }

        Array.Clear(_advanced);
        Array.Clear(_settled);
        _epoch++;
        Begin(RunStep.Advance);
    }

    private void OnStepTimedOut(StepTimedOut tick)
    {
        if (tick.Epoch != _epoch || tick.Step != _step)
        {
            return;
        }

        for (int i = 0; i < _addresses.Length; i++)
        {
            if (!Answered(i))
            {
                _log.Warning("Experiment {ExperimentId} run {Run}: island {Island} did not answer {Step} of epoch "
                    + "{Epoch} within {Timeout}; sending it again", ExperimentId, Run, i, _step, _epoch,
                    _options.StepTimeout);
                Send(i);
            }
        }
    }

    private void OnFailed(IslandFailed failure)
    {
        if (Accepts(failure.Island, failure.Epoch, _step) is not { } i || _step is RunStep.Commit or RunStep.Stopped
            || Answered(i))
        {
            return;
        }

        string where = $"island {i} of run {Run}, epoch {_epoch}: {failure.Reason}";
        if (!failure.Retryable || ++_failures[i] > _options.MaxRetries)
        {
            string reason = failure.Retryable ? $"{where} (gave up after {_options.MaxRetries} retries)" : where;
            _step = RunStep.Stopped;
            Timers.CancelAll();
            Context.Parent.Tell(new RunDriverFailed(ExperimentId, Run, reason));
            return;
        }

        _log.Warning("Experiment {ExperimentId} run {Run}: island {Island} failed epoch {Epoch} ({Reason}); "
            + "retry {Attempt} after the retry interval", ExperimentId, Run, i, _epoch, failure.Reason, _failures[i]);
        Timers.StartSingleTimer($"resend-{i}", new ResendIsland(i, _epoch, _step), _options.RetryInterval);
    }

    private void OnResend(ResendIsland resend)
    {
        if (resend.Epoch == _epoch && resend.Step == _step && _step is RunStep.Advance or RunStep.Settle
            && !Answered(resend.Island))
        {
            Send(resend.Island);
        }
    }

    private bool Answered(int island) => _step == RunStep.Advance ? _advanced[island] is not null
        : _step != RunStep.Settle || _settled[island] is not null;

    private int? Accepts(IslandAddress island, long epoch, RunStep step)
    {
        bool mine = island.ExperimentId == ExperimentId && island.Run == Run && island.Island >= 0
            && island.Island < _addresses.Length;
        return mine && epoch == _epoch && step == _step ? island.Island : null;
    }
}
