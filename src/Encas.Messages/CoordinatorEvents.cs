namespace Encas.Messages;

// The coordinator's persisted events. They are stored in the journal through EncasMessageSerializer under fixed
// manifests; their JSON shape is pinned by tests, so a change of shape cannot slip in unnoticed: add a new
// record with a new manifest instead, and keep reading the old one.

/// <summary>An event of the coordinator's journal.</summary>
public interface ICoordinatorEvent : IEncasMessage
{
    /// <summary>The experiment the event belongs to.</summary>
    string ExperimentId { get; }
}

/// <summary>An experiment was accepted.</summary>
/// <param name="Spec">What was submitted.</param>
/// <param name="WorkDir">The folder under the coordinator's data folder for its snapshots and report.</param>
public sealed record ExperimentSubmitted(ExperimentSpec Spec, string WorkDir) : ICoordinatorEvent
{
    /// <inheritdoc />
    public string ExperimentId => Spec.ExperimentId;
}

/// <summary>Every island of a run has settled an epoch; its snapshots are the run's new restart point.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Run">The run.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Snapshots">One per island, by island index.</param>
/// <param name="IslandCharged">Charged evaluations per island.</param>
/// <param name="Charged">Charged evaluations, all islands.</param>
/// <param name="Total">All evaluations, cache hits included.</param>
/// <param name="ValHypervolume">Validation hypervolume of the islands' archives together.</param>
/// <param name="FrontSize">Members of the islands' archives together.</param>
/// <param name="Finished">Whether every island has spent its budget (the run is complete).</param>
public sealed record RunEpochCompleted(string ExperimentId, int Run, long Epoch, IReadOnlyList<SnapshotRef> Snapshots,
    IReadOnlyList<long> IslandCharged, long Charged, long Total, double ValHypervolume, int FrontSize, bool Finished)
    : ICoordinatorEvent;

/// <summary>The experiment's report was published.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="ReportDir">The report folder.</param>
public sealed record ExperimentReported(string ExperimentId, string ReportDir) : ICoordinatorEvent;

/// <summary>The experiment failed for good.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Reason">One line.</param>
public sealed record ExperimentFailed(string ExperimentId, string Reason) : ICoordinatorEvent;

/// <summary>The experiment was cancelled by an operator.</summary>
/// <param name="ExperimentId">The experiment.</param>
public sealed record ExperimentCancelled(string ExperimentId) : ICoordinatorEvent;
