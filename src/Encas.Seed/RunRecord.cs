using Encas.Core.Search;
using Encas.Messages;

namespace Encas.Seed;

/// <summary>One run of an experiment as the journal knows it: its committed epochs, in order.</summary>
public sealed class RunRecord
{
    private readonly List<RunEpochCompleted> _epochs = [];

    internal RunRecord(int run) => Run = run;

    /// <summary>The run index.</summary>
    public int Run { get; }

    /// <summary>Every committed epoch, in epoch order.</summary>
    public IReadOnlyList<RunEpochCompleted> Epochs => _epochs;

    /// <summary>The last committed epoch (its snapshots are the restart point), or null before the first.</summary>
    public RunEpochCompleted? Last => _epochs.Count > 0 ? _epochs[^1] : null;

    /// <summary>Whether every island has spent its budget.</summary>
    public bool Completed => Last?.Finished == true;

    /// <summary>The run's progress after each committed epoch, as <see cref="IslandRun.Trace"/> records it.</summary>
    public IReadOnlyList<TracePoint> Trace() =>
        _epochs.Select(e => new TracePoint(e.Charged, e.ValHypervolume, e.FrontSize)).ToList();

    internal void Add(RunEpochCompleted epoch)
    {
        long expected = (Last?.Epoch ?? 0) + 1;
        if (Completed || epoch.Epoch != expected)
        {
            throw new ArgumentException(
                $"run {Run} of {epoch.ExperimentId}: epoch {epoch.Epoch} cannot follow "
                + (Completed ? "the run's completion" : $"epoch {expected - 1}"), nameof(epoch));
        }

        _epochs.Add(epoch);
    }
}
