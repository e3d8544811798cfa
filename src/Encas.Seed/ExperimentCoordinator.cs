using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Encas.Messages;

namespace Encas.Seed;

/// <summary>
/// The experiment coordinator (a cluster singleton on the seed role): accepts experiments, drives each run with a
/// <see cref="RunDriver"/> child through the island region, persists every committed epoch, and writes the report
/// once all runs are complete. Its journal is the truth: after a restart it resumes every unfinished run from its
/// last committed epoch's snapshots (or from scratch) and reports experiments whose runs are all complete.
/// </summary>
/// <remarks>
/// Every event is persisted before it is applied to <see cref="CoordinatorState"/>; a snapshot of the state is
/// saved every <see cref="CoordinatorOptions.SnapshotEvery"/> events.
/// </remarks>
public sealed partial class ExperimentCoordinator : ReceivePersistentActor
{
    /// <summary>The persistence id of the one coordinator.</summary>
    public const string CoordinatorPersistenceId = "encas-coordinator";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _islands;
    private readonly IActorRef? _precompute;
    private readonly CoordinatorOptions _options;
    private readonly Dictionary<(string Experiment, int Run), IActorRef> _drivers = [];
    private readonly Queue<(string Experiment, int Run)> _waiting = new();
    private readonly HashSet<string> _reporting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stopwatch> _clocks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Experiment, int Run, int Island), string> _nodes = [];
    private CoordinatorState _state = new();
    private int _sinceSnapshot;
    private long _spawned;

    /// <summary>A coordinator driving islands through <paramref name="islands"/> and pool builds through
    /// <paramref name="precompute"/>; create it through <see cref="Props"/>, which validates the options.</summary>
    /// <remarks>Public because Akka creates actors through their public constructors.</remarks>
    public ExperimentCoordinator(IActorRef islands, CoordinatorOptions options, IActorRef? precompute)
    {
        _islands = islands;
        _precompute = precompute;
        _options = options;
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is CoordinatorSnapshot snapshot)
            {
                _state = CoordinatorState.FromSnapshot(snapshot);
            }
        });
        Recover<ICoordinatorEvent>(e => _state.Apply(e));
        Recover<RecoveryCompleted>(_ => ResumeAll());
        Command<SubmitExperiment>(Submit);
        Command<GetExperiment>(get => Sender.Tell(StatusOrUnknown(get.ExperimentId)));
        Command<ListExperiments>(_ => Sender.Tell(
            new ExperimentList(_state.List(IsDriven, NodeOf).Experiments.Select(Live).ToList())));
        Command<IslandPlaced>(placed => _nodes[(placed.ExperimentId, placed.Run, placed.Island)] = placed.Node);
        Command<CancelExperiment>(Cancel);
        Command<RunEpochCompleted>(OnEpochCompleted);
        Command<RunDriverFailed>(OnRunFailed);
        Command<ReportWritten>(OnReportWritten);
        Command<ReportFailed>(failed => OnReportFailed(failed));
        Command<PoolBuildEnded>(OnPoolBuildEnded);
        Command<SaveSnapshotSuccess>(saved =>
            _log.Debug("Coordinator snapshot saved at sequence number {SequenceNr}", saved.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(failed =>
            _log.Warning(failed.Cause, "Coordinator snapshot at {SequenceNr} failed; events will be replayed instead",
                failed.Metadata.SequenceNr));
    }

    /// <inheritdoc />
    public override string PersistenceId => CoordinatorPersistenceId;

    /// <summary>The props of the coordinator driving islands through <paramref name="islandRegion"/>.</summary>
    /// <param name="islandRegion">The island entities' shard region (or proxy): it routes island commands.</param>
    /// <param name="options">Data folder, timeouts, concurrency and snapshot interval.</param>
    /// <param name="precomputeRegion">The precompute entities' shard region (or proxy) that builds pools from models
    /// and data; null when experiments must name an existing pool.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static Props Props(IActorRef islandRegion, CoordinatorOptions options, IActorRef? precomputeRegion = null)
    {
        ArgumentNullException.ThrowIfNull(islandRegion);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Akka.Actor.Props.Create(() => new ExperimentCoordinator(islandRegion, options, precomputeRegion));
    }

    private void Submit(SubmitExperiment submit)
    {
        var spec = submit.Spec;
        var verdict = _state.Check(spec);
        string id = spec?.ExperimentId ?? "";
        if (verdict.Reason is { } reason)
        {
            _log.Info("Experiment {ExperimentId} rejected: {Reason}", id, reason);
            Sender.Tell(new ExperimentRejected(id, reason));
            return;
        }

        if (verdict.AlreadyKnown)
        {
            Sender.Tell(new ExperimentAccepted(id, AlreadyKnown: true));
            return;
        }

        var sender = Sender;
        Persist(new ExperimentSubmitted(spec!, _options.WorkDirOf(id)), submitted =>
        {
            Commit(submitted);
            _log.Info("Experiment {ExperimentId} accepted: {Runs} runs of {Islands} islands, work folder {WorkDir}",
                id, submitted.Spec.Search.Runs, submitted.Spec.Search.Islands, submitted.WorkDir);
            sender.Tell(new ExperimentAccepted(id, AlreadyKnown: false));
            Resume(_state.Find(id)!);
            FillSlots();
        });
    }

    private void Cancel(CancelExperiment cancel)
    {
        var record = _state.Find(cancel.ExperimentId);
        if (record is null || !record.IsActive)
        {
            Sender.Tell(StatusOrUnknown(cancel.ExperimentId));
            return;
        }

        var sender = Sender;
        Persist(new ExperimentCancelled(record.Id), cancelled =>
        {
            Commit(cancelled);
            StopDrivers(record.Id);
            _log.Info("Experiment {ExperimentId} cancelled", record.Id);
            sender.Tell(StatusOrUnknown(record.Id));
            FillSlots();
        });
    }

    private void OnEpochCompleted(RunEpochCompleted epoch)
    {
        var key = (epoch.ExperimentId, epoch.Run);
        var record = _state.Find(epoch.ExperimentId);
        if (!_drivers.TryGetValue(key, out var driver) || !driver.Equals(Sender)
            || record?.Phase != ExperimentPhase.Running
            || epoch.Epoch != (record.Runs[epoch.Run].Last?.Epoch ?? 0) + 1)
        {
            return;
        }

        var superseded = record.Runs[epoch.Run].Last;
        Persist(epoch, committed =>
        {
            Commit(committed);
            if (superseded is not null)
            {
                PruneSnapshots(superseded, committed);
            }

            _log.Info("Experiment {ExperimentId} run {Run} epoch {Epoch}: {Charged} charged evaluations, front "
                + "{FrontSize}, val hypervolume {ValHypervolume}", committed.ExperimentId, committed.Run,
                committed.Epoch, committed.Charged, committed.FrontSize, committed.ValHypervolume);
            if (!committed.Finished)
            {
                driver.Tell(new EpochCommitted(committed.Epoch));
                return;
            }

            Context.Stop(driver);
            _drivers.Remove(key);
            _log.Info("Experiment {ExperimentId} run {Run} complete after {Epoch} epochs",
                committed.ExperimentId, committed.Run, committed.Epoch);
            if (record.Phase == ExperimentPhase.Reporting)
            {
                StartReport(record);
            }

            FillSlots();
        });
    }

    private void OnRunFailed(RunDriverFailed failed)
    {
        if (!_drivers.TryGetValue((failed.ExperimentId, failed.Run), out var driver) || !driver.Equals(Sender))
        {
            return;
        }

        Fail(failed.ExperimentId, failed.Reason);
    }

    private void OnReportWritten(ReportWritten written)
    {
        _reporting.Remove(written.ExperimentId);
        if (_state.Find(written.ExperimentId)?.Phase != ExperimentPhase.Reporting)
        {
            return;
        }

        Persist(new ExperimentReported(written.ExperimentId, written.ReportDir), reported =>
        {
            Commit(reported);
            _log.Info("Experiment {ExperimentId} completed; report in {ReportDir}", reported.ExperimentId,
                reported.ReportDir);
            RemoveIslandFolders(reported.ExperimentId);
        });
    }

    private void OnReportFailed(ReportFailed failed)
    {
        _reporting.Remove(failed.ExperimentId);
        Fail(failed.ExperimentId, $"report: {failed.Reason}");
    }

    private void Fail(string experimentId, string reason)
    {
        if (_state.Find(experimentId) is not { IsActive: true })
        {
            return;
        }

        Persist(new ExperimentFailed(experimentId, reason), failed =>
        {
            Commit(failed);
            StopDrivers(experimentId);
            _log.Error("Experiment {ExperimentId} failed: {Reason}", experimentId, reason);
            FillSlots();
        });
    }

    private void Commit(ICoordinatorEvent e)
    {
        _state.Apply(e);
        if (_options.SnapshotEvery > 0 && ++_sinceSnapshot >= _options.SnapshotEvery)
        {
            _sinceSnapshot = 0;
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private void ResumeAll()
    {
        foreach (var record in _state.Experiments.Where(e => e.IsActive))
        {
            _log.Info("Experiment {ExperimentId} resumes ({Phase})", record.Id, record.Phase);
            Resume(record);
        }

        FillSlots();
    }

    private void Resume(ExperimentRecord record)
    {
        _clocks.TryAdd(record.Id, Stopwatch.StartNew());
        if (NeedsBuild(record))
        {
            StartBuild(record);
            return;
        }

        foreach (var run in record.Runs.Where(r => !r.Completed))
        {
            _waiting.Enqueue((record.Id, run.Run));
        }

        if (record.Phase == ExperimentPhase.Reporting)
        {
            StartReport(record);
        }
    }

    private void FillSlots()
    {
        while (_waiting.Count > 0 && (_options.MaxConcurrentRuns == 0 || _drivers.Count < _options.MaxConcurrentRuns))
        {
            var key = _waiting.Dequeue();
            var record = _state.Find(key.Experiment);
            if (record?.Phase != ExperimentPhase.Running || record.Runs[key.Run].Completed
                || _drivers.ContainsKey(key))
            {
                continue;
            }

            var spec = new IslandSpec(record.Spec.PoolPath, record.Spec.Search, record.WorkDir);
            var props = RunDriver.Props(_islands, spec, record.Id, key.Run, record.Runs[key.Run].Last, _options);
            _drivers[key] = Context.ActorOf(props, $"{record.Id}-run{key.Run}-{++_spawned}");
            _log.Info("Experiment {ExperimentId} run {Run} starts at epoch {Epoch}", record.Id, key.Run,
                (record.Runs[key.Run].Last?.Epoch ?? 0) + 1);
        }
    }

    private void StopDrivers(string experimentId)
    {
        StopBuild(experimentId);
        foreach (var key in _drivers.Keys.Where(k => k.Experiment == experimentId).ToList())
        {
            Context.Stop(_drivers[key]);
            _drivers.Remove(key);
        }
    }

    private void StartReport(ExperimentRecord record)
    {
        if (!_reporting.Add(record.Id))
        {
            return;
        }

        // Copies taken on the actor thread: the writer runs on the thread pool.
        var spec = record.Spec;
        string workDir = record.WorkDir;
        var finals = record.Runs.Select(r => r.Last!).ToList();
        var traces = record.Runs.Select(r => r.Trace()).ToList();
        double seconds = _clocks.TryGetValue(record.Id, out var clock) ? clock.Elapsed.TotalSeconds : 0;
        string id = record.Id;
        _log.Info("Experiment {ExperimentId}: every run is complete; writing the report", id);
        Task.Run(() => ExperimentReportWriter.Write(spec, workDir, finals, traces, seconds))
            .PipeTo(Self, success: dir => new ReportWritten(id, dir),
                failure: ex => new ReportFailed(id, OneLine(ex)));
    }

    private object StatusOrUnknown(string experimentId) => _state.Status(experimentId, IsDriven, NodeOf) is { } status
        ? Live(status)
        : new ExperimentUnknown(experimentId);

    // What the journal cannot say: an experiment whose pool is being built right now.
    private ExperimentStatus Live(ExperimentStatus status) =>
        _builds.ContainsKey(status.ExperimentId) ? status with { State = "building" } : status;

    private bool IsDriven(string experimentId, int run) => _drivers.ContainsKey((experimentId, run));

    private string? NodeOf(string experimentId, int run, int island) =>
        _nodes.GetValueOrDefault((experimentId, run, island));

    private static string OneLine(Exception ex)
    {
        var inner = ex is AggregateException aggregate ? aggregate.GetBaseException() : ex;
        return inner.Message.ReplaceLineEndings(" ");
    }
}
