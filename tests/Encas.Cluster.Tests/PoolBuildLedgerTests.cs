using Encas.Core.Tests.Support;
using Encas.GpuNode;
using Encas.Inference.Building;
using Encas.Node;
using Microsoft.Extensions.Logging.Abstractions;

namespace Encas.Cluster.Tests;

/// <summary>The on-disk ledger of the pool builds a node drives, and the registry's reading of it at start.</summary>
public sealed class PoolBuildLedgerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Entries_come_back_as_written_and_a_broken_file_is_named_not_fatal()
    {
        var ledger = new PoolBuildLedger(_dir.Combine("ledger"));
        var ended = Entry("pool-a-1", "completed", DateTime.UtcNow.AddMinutes(-2));
        var running = Entry("pool-b-2", "running", DateTime.UtcNow.AddMinutes(-1));
        ledger.Write(running);
        ledger.Write(ended);
        File.WriteAllText(_dir.Combine("ledger", "broken.json"), "{ not json");

        var (entries, unreadable) = ledger.ReadAll();

        Assert.Equal(["pool-a-1", "pool-b-2"], entries.Select(e => e.Status.Id));
        Assert.Equal(ended.Request, entries[0].Request);
        Assert.Equal(ended.Status.Models, entries[0].Status.Models);
        Assert.Equal(ended.Status.Samples, entries[0].Status.Samples);
        Assert.Equal(ended.Status.Failures, entries[0].Status.Failures);
        Assert.Equal(running.StagingDir, entries[1].StagingDir);
        Assert.Single(unreadable);
        Assert.StartsWith(_dir.Combine("ledger", "broken.json") + ":", unreadable[0], StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_dir.Combine("ledger"), "*.tmp"));
    }

    [Fact]
    public void A_restarted_registry_reports_ended_builds_and_holds_the_running_ones_for_resumption()
    {
        var ledger = new PoolBuildLedger(_dir.Combine("ledger"));
        ledger.Write(Entry("pool-a-1", "failed", DateTime.UtcNow.AddMinutes(-2)));
        ledger.Write(Entry("pool-b-2", "running", DateTime.UtcNow.AddMinutes(-1)));

        var registry = new PoolBuildRegistry(NullLogger<PoolBuildRegistry>.Instance, ledger);

        Assert.Equal("failed", registry.Get("pool-a-1")?.State);
        Assert.Equal(new ModelFailure("model0", "out of memory"), registry.Get("pool-a-1")?.Failures.Single());
        Assert.Null(registry.Get("pool-b-2"));
        Assert.Equal(["pool-b-2"], registry.Interrupted);
    }

    private PoolBuildEntry Entry(string id, string state, DateTime started)
    {
        var request = new PoolBuildRequest(_dir.Combine("models"), _dir.Combine("data"), _dir.Combine(id),
            "cpu", 64, Force: true, Limit: 300);
        var models = new[]
        {
            new ModelProgress(0, "model0", state == "running" ? "running" : "done", "akka.tcp://encas@h:1", "val",
                100, 300, 1, null),
        };
        IReadOnlyList<ModelFailure> failures = state == "failed" ? [new ModelFailure("model0", "out of memory")] : [];
        var samples = state == "completed" ? new Dictionary<string, int> { ["val"] = 300, ["test"] = 300 } : [];
        return new PoolBuildEntry(request, _dir.Combine($".{id}.staging"), started,
            new PoolBuildStatus(id, state, request.Out, models, failures, null, state == "completed" ? 10 : 0,
                samples, state == "completed" ? ["cpu"] : []));
    }
}
