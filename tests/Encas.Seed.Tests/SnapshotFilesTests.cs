using Encas.Core.Tests.Support;
using Encas.Messages;

namespace Encas.Seed.Tests;

/// <summary>Which island snapshot files go once a newer epoch is committed.</summary>
public sealed class SnapshotFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_superseded_epochs_files_go_and_the_committed_ones_stay()
    {
        var superseded = Epoch(4, "island-00/epoch-00004.snap", "island-01/epoch-00004.snap");
        var committed = Epoch(5, "island-00/epoch-00005.snap", "island-01/epoch-00005.snap");
        File.Delete(superseded.Snapshots[1].Path); // already gone: not an error

        var problems = SnapshotFiles.DeleteSuperseded(superseded, committed);

        Assert.Empty(problems);
        Assert.All(superseded.Snapshots, s => Assert.False(File.Exists(s.Path)));
        Assert.All(committed.Snapshots, s => Assert.True(File.Exists(s.Path)));
    }

    [Fact]
    public void A_file_both_epochs_name_is_kept()
    {
        var shared = Epoch(7, "island-00/epoch-00007.snap");

        Assert.Empty(SnapshotFiles.DeleteSuperseded(shared, shared));
        Assert.True(File.Exists(shared.Snapshots[0].Path));
    }

    private RunEpochCompleted Epoch(long epoch, params string[] files)
    {
        var snapshots = files.Select(f =>
        {
            string path = _dir.Combine("work", "run-00", f);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1, 2, 3]);
            return new SnapshotRef(path, "00", epoch);
        }).ToList();
        return new RunEpochCompleted("exp", 0, epoch, snapshots, [.. files.Select(_ => 100L)], 100 * files.Length,
            100 * files.Length, 0.5, 3, Finished: false);
    }
}
