using Encas.Core.Search;
using Encas.Messages;

namespace Encas.Seed;

/// <summary>One experiment as the journal knows it: what was submitted, its runs, and how it ended.</summary>
public sealed class ExperimentRecord
{
    private readonly RunRecord[] _runs;
    private ExperimentPhase? _ended;

    internal ExperimentRecord(ExperimentSubmitted submitted)
    {
        Spec = submitted.Spec;
        WorkDir = submitted.WorkDir;
        Settings = submitted.Spec.Search.ToSettings();
        _runs = Enumerable.Range(0, Settings.Runs).Select(r => new RunRecord(r)).ToArray();
    }

    /// <summary>The experiment id.</summary>
    public string Id => Spec.ExperimentId;

    /// <summary>What was submitted.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The experiment's work folder (island snapshots, default report folder).</summary>
    public string WorkDir { get; }

    /// <summary>The search settings of <see cref="Spec"/>.</summary>
    public SearchSettings Settings { get; }

    /// <summary>The runs, by index.</summary>
    public IReadOnlyList<RunRecord> Runs => _runs;

    /// <summary>Running until every run is complete, then reporting, unless it ended otherwise.</summary>
    public ExperimentPhase Phase => _ended ?? (_runs.All(r => r.Completed) ? ExperimentPhase.Reporting
        : ExperimentPhase.Running);

    /// <summary>Whether the experiment still needs work (running or reporting).</summary>
    public bool IsActive => Phase is ExperimentPhase.Running or ExperimentPhase.Reporting;

    /// <summary>The published report folder, once completed.</summary>
    public string? ReportDir { get; private set; }

    /// <summary>Why it failed, if it did.</summary>
    public string? Error { get; private set; }

    internal void Add(RunEpochCompleted epoch)
    {
        RequireActive(epoch);
        if (epoch.Run < 0 || epoch.Run >= _runs.Length)
        {
            throw new ArgumentException($"{Id} has no run {epoch.Run}", nameof(epoch));
        }

        if (epoch.Snapshots.Count != Settings.Islands || epoch.IslandCharged.Count != Settings.Islands)
        {
            throw new ArgumentException($"run {epoch.Run} of {Id}: epoch {epoch.Epoch} does not have one snapshot "
                + $"and one count per island ({Settings.Islands})", nameof(epoch));
        }

        _runs[epoch.Run].Add(epoch);
    }

    internal void Reported(ExperimentReported reported)
    {
        if (Phase != ExperimentPhase.Reporting)
        {
            throw new ArgumentException($"{Id} is {Phase}, so it cannot be reported", nameof(reported));
        }

        ReportDir = reported.ReportDir;
        _ended = ExperimentPhase.Completed;
    }

    internal void Failed(ExperimentFailed failed)
    {
        RequireActive(failed);
        Error = failed.Reason;
        _ended = ExperimentPhase.Failed;
    }

    internal void Cancelled(ExperimentCancelled cancelled)
    {
        RequireActive(cancelled);
        _ended = ExperimentPhase.Cancelled;
    }

    private void RequireActive(ICoordinatorEvent e)
    {
        if (!IsActive)
        {
            throw new ArgumentException($"{Id} is {Phase}; {e.GetType().Name} cannot follow", nameof(e));
        }
    }
}
