using System.Text.RegularExpressions;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Messages;

namespace Encas.Seed;

/// <summary>
/// The coordinator's state, built only by <see cref="Apply"/> from its journal's events: experiments by id in
/// submission order, each with its runs' committed epochs. It answers status queries and judges submissions.
/// No Akka here; the <see cref="ExperimentCoordinator"/> owns one and persists before it applies.
/// </summary>
/// <remarks>Not thread-safe: one actor owns it.</remarks>
public sealed partial class CoordinatorState
{
    private const int MaxIdLength = 64;
    private readonly List<ExperimentRecord> _experiments = [];
    private readonly Dictionary<string, ExperimentRecord> _byId = new(StringComparer.Ordinal);

    /// <summary>Every experiment, in submission order.</summary>
    public IReadOnlyList<ExperimentRecord> Experiments => _experiments;

    /// <summary>The experiment with this id, or null.</summary>
    public ExperimentRecord? Find(string experimentId) =>
        experimentId is not null && _byId.TryGetValue(experimentId, out var record) ? record : null;

    /// <summary>Applies one persisted event.</summary>
    /// <exception cref="ArgumentException">The event cannot follow the state (an impossible transition).</exception>
    public void Apply(ICoordinatorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case ExperimentSubmitted submitted:
                if (_byId.ContainsKey(submitted.ExperimentId))
                {
                    throw new ArgumentException($"{submitted.ExperimentId} was submitted already", nameof(e));
                }

                var record = new ExperimentRecord(submitted);
                _experiments.Add(record);
                _byId.Add(record.Id, record);
                break;
            case RunEpochCompleted epoch:
                Known(epoch).Add(epoch);
                break;
            case ExperimentReported reported:
                Known(reported).Reported(reported);
                break;
            case ExperimentFailed failed:
                Known(failed).Failed(failed);
                break;
            case ExperimentCancelled cancelled:
                Known(cancelled).Cancelled(cancelled);
                break;
            default:
                throw new ArgumentException($"unknown coordinator event {e.GetType().Name}", nameof(e));
        }
    }

    /// <summary>
    /// Judges a submission: the id (letters, digits, '-' and '_', up to 64), a known id (same spec: accepted
    /// again; another spec: rejected), the search settings (<see cref="SearchSettings.Validate"/>), the pool folder
    /// and its <c>pool.json</c>, and an existing report folder without <see cref="ExperimentSpec.Replace"/>.
    /// </summary>
    public SubmissionVerdict Check(ExperimentSpec? spec)
    {
        if (spec is null)
        {
            return SubmissionVerdict.Rejected("the submission has no experiment spec");
        }

        if (spec.ExperimentId is null || spec.ExperimentId.Length > MaxIdLength
            || !IdPattern().IsMatch(spec.ExperimentId))
        {
            return SubmissionVerdict.Rejected($"experiment id '{spec.ExperimentId}' must be 1 to {MaxIdLength} "
                + "letters, digits, '-' or '_'");
        }

        if (Find(spec.ExperimentId) is { } known)
        {
            return known.Spec == spec ? SubmissionVerdict.Known : SubmissionVerdict.Rejected(
                $"experiment id '{spec.ExperimentId}' is already used by a different spec (choose another id)");
        }

        if (spec.Search is null)
        {
            return SubmissionVerdict.Rejected("the submission has no search settings");
        }

        try
        {
            spec.Search.ToSettings().Validate();
        }
        catch (ArgumentException ex)
        {
            return SubmissionVerdict.Rejected(ex.Message);
        }

        return CheckFiles(spec) is { } reason ? SubmissionVerdict.Rejected(reason) : SubmissionVerdict.New;
    }

    /// <summary>The status of one experiment, or null when the id is unknown.</summary>
    /// <param name="experimentId">The id.</param>
    /// <param name="isDriven">Whether a run (experiment id, run index) is being driven now; null: none is.</param>
    /// <param name="nodeOf">The node that last answered for an island (experiment id, run, island), if known.</param>
    public ExperimentStatus? Status(string experimentId, Func<string, int, bool>? isDriven = null,
        Func<string, int, int, string?>? nodeOf = null) =>
        Find(experimentId) is { } record ? StatusOf(record, isDriven, nodeOf) : null;

    /// <summary>Every experiment's status, in submission order.</summary>
    /// <param name="isDriven">Whether a run (experiment id, run index) is being driven now; null: none is.</param>
    /// <param name="nodeOf">The node that last answered for an island (experiment id, run, island), if known.</param>
    public ExperimentList List(Func<string, int, bool>? isDriven = null,
        Func<string, int, int, string?>? nodeOf = null) =>
        new(_experiments.Select(e => StatusOf(e, isDriven, nodeOf)).ToList());

    /// <summary>The state as a snapshot that <see cref="FromSnapshot"/> turns back into an equal state.</summary>
    public CoordinatorSnapshot ToSnapshot() => new(
        _experiments.Select(e => new ExperimentSubmitted(e.Spec, e.WorkDir)).ToList(),
        _experiments.SelectMany(e => e.Runs).SelectMany(r => r.Epochs).ToList(),
        _experiments.Where(e => e.Phase == ExperimentPhase.Completed)
            .Select(e => new ExperimentReported(e.Id, e.ReportDir!)).ToList(),
        _experiments.Where(e => e.Phase == ExperimentPhase.Failed)
            .Select(e => new ExperimentFailed(e.Id, e.Error!)).ToList(),
        _experiments.Where(e => e.Phase == ExperimentPhase.Cancelled)
            .Select(e => new ExperimentCancelled(e.Id)).ToList());

    /// <summary>The state a snapshot taken with <see cref="ToSnapshot"/> stands for.</summary>
    public static CoordinatorState FromSnapshot(CoordinatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = new CoordinatorState();
        IEnumerable<ICoordinatorEvent> events = [.. snapshot.Submitted, .. snapshot.Epochs, .. snapshot.Reported,
            .. snapshot.Failed, .. snapshot.Cancelled];
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }

    private static string? CheckFiles(ExperimentSpec spec)
    {
        string manifest = Path.Combine(spec.PoolPath ?? "", PoolManifest.FileName);
        if (spec.Build is { } build)
        {
            if (CheckBuild(spec.PoolPath, build) is { } reason)
            {
                return reason;
            }
        }
        else if (string.IsNullOrWhiteSpace(spec.PoolPath) || !Directory.Exists(spec.PoolPath))
        {
            return $"pool {spec.PoolPath}: no such folder";
        }
        else if (!File.Exists(manifest))
        {
            return $"{manifest}: missing; is {spec.PoolPath} a pool? (create one with encas pool import)";
        }

        if (spec.OutDir is not null && !spec.Replace && (Directory.Exists(spec.OutDir) || File.Exists(spec.OutDir)))
        {
            return $"--out {spec.OutDir}: already exists (remove it first or pass --force)";
        }

        return null;
    }

    // A pool to build: its inputs must be there, and its folder either absent or already a pool (then it is used).
    private static string? CheckBuild(string? poolPath, PoolBuildSpec build)
    {
        if (string.IsNullOrWhiteSpace(poolPath))
        {
            return "the pool path to build into is empty";
        }

        if (Directory.Exists(poolPath) && !File.Exists(Path.Combine(poolPath, PoolManifest.FileName)))
        {
            return $"pool {poolPath}: exists but is not a pool (no {PoolManifest.FileName}); remove it or choose "
                + "another path to build into";
        }

        if (!Directory.Exists(build.Models))
        {
            return $"--models {build.Models}: no such folder";
        }

        if (!Directory.Exists(build.Data))
        {
            return $"--data {build.Data}: no such folder";
        }

        return build.Device is "auto" or "cuda" or "cpu" && build.BatchSize >= 1
            ? null
            : $"pool build: device '{build.Device}' must be auto, cuda or cpu and the batch size at least 1";
    }

    private static ExperimentStatus StatusOf(ExperimentRecord e, Func<string, int, bool>? isDriven,
        Func<string, int, int, string?>? nodeOf)
    {
        var runs = e.Runs.Select(r => RunStatusOf(e, r, isDriven?.Invoke(e.Id, r.Run) == true, nodeOf)).ToList();
        return new ExperimentStatus(e.Id, e.Phase.ToString().ToLowerInvariant(), e.Spec, runs, e.ReportDir, e.Error);
    }

    private static RunStatus RunStatusOf(ExperimentRecord e, RunRecord run, bool driven,
        Func<string, int, int, string?>? nodeOf)
    {
        var last = run.Last;
        string state = run.Completed ? "completed" : driven || last is not null ? "running" : "pending";

        // The journal does not keep which node ran an island (the coordinator knows it while it lives); a finished
        // island is one that spent its share.
        var islands = Enumerable.Range(0, e.Settings.Islands)
            .Select(i => new IslandStatus(i, last?.Epoch ?? 0, last?.IslandCharged[i] ?? 0,
                run.Completed || (last?.IslandCharged[i] ?? 0) >= IslandWorker.BudgetOf(e.Settings, i),
                nodeOf?.Invoke(e.Id, run.Run, i)))
            .ToList();
        return new RunStatus(run.Run, state, last?.Epoch ?? 0, last?.Charged ?? 0, last?.Total ?? 0,
            last?.ValHypervolume ?? 0, last?.FrontSize ?? 0, islands);
    }

    private ExperimentRecord Known(ICoordinatorEvent e) => Find(e.ExperimentId)
        ?? throw new ArgumentException($"{e.GetType().Name} for unknown experiment {e.ExperimentId}", nameof(e));

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
