using Encas.Messages;

namespace Encas.Seed;

/// <summary>
/// Removes island snapshot files the journal no longer points at. A run restarts from, and its report reads, only
/// the snapshots of its last committed epoch; every earlier one is dead weight (tens of megabytes per island and
/// epoch once the archive and the phenotype cache have grown), so keeping them all filled disks.
/// </summary>
public static class SnapshotFiles
{
    /// <summary>Deletes the files of <paramref name="superseded"/> that <paramref name="committed"/> does not
    /// name. A file already gone is not an error; one that cannot be deleted is reported, not thrown.</summary>
    /// <returns>One line per file that could not be deleted.</returns>
    public static IReadOnlyList<string> DeleteSuperseded(RunEpochCompleted superseded, RunEpochCompleted committed)
    {
        ArgumentNullException.ThrowIfNull(superseded);
        ArgumentNullException.ThrowIfNull(committed);
        var kept = committed.Snapshots.Select(s => Path.GetFullPath(s.Path)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var snapshot in superseded.Snapshots)
        {
            if (kept.Contains(Path.GetFullPath(snapshot.Path)))
            {
                continue;
            }

            try
            {
                File.Delete(snapshot.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{snapshot.Path}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return problems;
    }

    /// <summary>Deletes the island snapshot folders (<c>run-NN</c>) of an experiment's work folder once its report
    /// is written; the rest stays (a report without an output folder of its own is written to <c>report</c> there).
    /// </summary>
    /// <returns>Why a folder could not be deleted, one line each.</returns>
    public static IReadOnlyList<string> DeleteIslandFolders(string workDir)
    {
        var problems = new List<string>();
        if (!Directory.Exists(workDir))
        {
            return problems;
        }

        foreach (string runDir in Directory.EnumerateDirectories(workDir, "run-*"))
        {
            try
            {
                Directory.Delete(runDir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{runDir}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return problems;
    }
}
