namespace Encas.Messages.Serialization;

/// <summary>
/// The fixed manifest of every protocol type. A manifest never changes once used: a new shape gets a new
/// manifest (…v2), and the old record stays so the journal can still be read.
/// </summary>
public static class MessageManifests
{
    /// <summary>Manifest by type.</summary>
    public static IReadOnlyDictionary<Type, string> ByType { get; } = new Dictionary<Type, string>
    {
        [typeof(AdvanceIsland)] = "island.advance.v1",
        [typeof(IslandAdvanced)] = "island.advanced.v1",
        [typeof(SettleIsland)] = "island.settle.v1",
        [typeof(IslandSettled)] = "island.settled.v1",
        [typeof(IslandFailed)] = "island.failed.v1",
        [typeof(SubmitExperiment)] = "experiment.submit.v1",
        [typeof(ExperimentAccepted)] = "experiment.accepted.v1",
        [typeof(ExperimentRejected)] = "experiment.rejected.v1",
        [typeof(GetExperiment)] = "experiment.get.v1",
        [typeof(ListExperiments)] = "experiment.list.v1",
        [typeof(CancelExperiment)] = "experiment.cancel.v1",
        [typeof(ExperimentUnknown)] = "experiment.unknown.v1",
        [typeof(ExperimentList)] = "experiment.statuses.v1",
        [typeof(ExperimentStatus)] = "experiment.status.v1",
        [typeof(ExperimentSubmitted)] = "event.experiment-submitted.v1",
        [typeof(RunEpochCompleted)] = "event.run-epoch-completed.v1",
        [typeof(ExperimentReported)] = "event.experiment-reported.v1",
        [typeof(ExperimentFailed)] = "event.experiment-failed.v1",
        [typeof(ExperimentCancelled)] = "event.experiment-cancelled.v1",
        [typeof(CoordinatorSnapshot)] = "snapshot.coordinator.v1",
        [typeof(PrecomputeModel)] = "precompute.model.v1",
        [typeof(PrecomputeDone)] = "precompute.done.v1",
        [typeof(PrecomputeFailed)] = "precompute.failed.v1",
        [typeof(PrecomputeProgress)] = "precompute.progress.v1",
    };

    /// <summary>Type by manifest.</summary>
    public static IReadOnlyDictionary<string, Type> ByManifest { get; } =
        ByType.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
}
