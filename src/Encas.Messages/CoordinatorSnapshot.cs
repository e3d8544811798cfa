namespace Encas.Messages;

/// <summary>
/// The coordinator's state as a snapshot: the journal's events compacted by kind. Replaying the submissions in
/// order, then the epochs in order, then the reports, failures and cancellations rebuilds the same state, because
/// per experiment every epoch precedes the event that ends it.
/// </summary>
/// <param name="Submitted">Every accepted experiment, in submission order.</param>
/// <param name="Epochs">Every committed run epoch, in journal order.</param>
/// <param name="Reported">Published reports.</param>
/// <param name="Failed">Experiments that failed.</param>
/// <param name="Cancelled">Experiments that were cancelled.</param>
public sealed record CoordinatorSnapshot(
    IReadOnlyList<ExperimentSubmitted> Submitted,
    IReadOnlyList<RunEpochCompleted> Epochs,
    IReadOnlyList<ExperimentReported> Reported,
    IReadOnlyList<ExperimentFailed> Failed,
    IReadOnlyList<ExperimentCancelled> Cancelled) : IEncasMessage;
