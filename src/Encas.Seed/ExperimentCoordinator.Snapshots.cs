using Akka.Event;
using Encas.Messages;

namespace Encas.Seed;

// Island snapshot files: the journal names the last committed epoch's files of each run; once a newer epoch is
// persisted the older files go, and once the report is written the island folders go. Deleting runs on
// the thread pool (the folder may be a network volume) and only ever touches files no event points at any more, so
// its timing does not matter; a failure is logged, never fatal. The report itself may live in the work folder.
public sealed partial class ExperimentCoordinator
{
    private void PruneSnapshots(RunEpochCompleted superseded, RunEpochCompleted committed)
    {
        var log = _log;
        Task.Run(() =>
        {
            foreach (string problem in SnapshotFiles.DeleteSuperseded(superseded, committed))
            {
                log.Warning("Superseded island snapshot not deleted: {Problem}", problem);
            }
        });
    }

    private void RemoveIslandFolders(string experimentId)
    {
        if (_state.Find(experimentId) is not { } record)
        {
            return;
        }

        var log = _log;
        string workDir = record.WorkDir;
        Task.Run(() =>
        {
            foreach (string problem in SnapshotFiles.DeleteIslandFolders(workDir))
            {
                log.Warning("Island snapshots of experiment {ExperimentId} not deleted: {Problem}", experimentId,
                    problem);
            }
        });
    }
}
