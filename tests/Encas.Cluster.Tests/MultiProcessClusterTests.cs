using System.Text.Json;
using Encas.Cli.Tests.Support;
using Encas.Cluster.Tests.Support;
using Encas.Core.Tests.Support;

namespace Encas.Cluster.Tests;

/// <summary>
/// Real node processes on loopback (a seed, search nodes, a gpu node) run an experiment on the sample pool; the
/// fronts equal those of <c>encas search</c> in one process, also after a search node or the seed is killed.
/// </summary>
public sealed class MultiProcessClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["ENCAS_DOWN_AFTER"] = "3",
        ["ENCAS_ISLAND_RETRY"] = "5",
    };

    private readonly TempDir _dir = new();
    private readonly List<NodeProcess> _nodes = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            node.Dispose();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Seed_two_search_nodes_and_a_gpu_node_give_the_single_process_fronts()
    {
        var seed = await Start("seed", null);
        var search = await Task.WhenAll(Start("search-node", seed), Start("search-node", seed));
        var gpu = await Start("gpu-node", seed);
        string summary = Submit(seed, "exp-plain", wait: true);
        Assert.Equal(fixture.ReferenceSummary, summary);

        var nodes = IslandNodes(seed, "exp-plain");
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Contains(n, search.Select(s => s.Address)));
        Assert.DoesNotContain(gpu.Address, nodes);
        Assert.DoesNotContain(seed.Address, nodes);
    }

    [Fact]
    public async Task A_search_node_killed_mid_run_changes_nothing()
    {
        var seed = await Start("seed", null);
        var search = await Task.WhenAll(Start("search-node", seed), Start("search-node", seed));
        Submit(seed, "exp-kill-search", wait: false);
        await WaitForEpoch(seed, "exp-kill-search", 2);

        // Kill a node that runs islands (shard allocation decides which; it may be either, or both).
        string busy = IslandNodes(seed, "exp-kill-search").First(n => n is not null);
        var victim = search.Single(s => s.Address == busy);
        var survivor = search.Single(s => s != victim);
        victim.Kill();
        string summary = Submit(seed, "exp-kill-search", wait: true);
        Assert.Equal(fixture.ReferenceSummary, summary);
        Assert.All(IslandNodes(seed, "exp-kill-search"), n => Assert.Equal(survivor.Address, n));
    }

    [Fact]
    public async Task The_seed_killed_mid_run_and_restarted_on_the_same_data_finishes_identically()
    {
        string data = _dir.Combine("seed-data");
        int seedPort = NodeProcess.FreePort();
        var seed = await Start("seed", null, data, seedPort);
        var search = await Task.WhenAll(Start("search-node", seed), Start("search-node", seed));
        Submit(seed, "exp-kill-seed", wait: false);
        await WaitForEpoch(seed, "exp-kill-seed", 2);
        seed.Kill();

        // The restarted seed lists a surviving member after itself, so it rejoins the running cluster.
        var again = await Start("seed", $"127.0.0.1:{seedPort},127.0.0.1:{search[0].Port}", data, seedPort,
            seed.ManagementPort);
        string summary = Submit(again, "exp-kill-seed", wait: true);
        Assert.Equal(fixture.ReferenceSummary, summary);
    }

    private async Task<NodeProcess> Start(string verb, NodeProcess? seed, string? data = null, int? port = null,
        int? management = null)
    {
        var node = await NodeProcess.StartAsync(verb, data ?? _dir.Combine($"{verb}-{_nodes.Count}"),
            port ?? NodeProcess.FreePort(), seed is null ? null : $"127.0.0.1:{seed.Port}", Environment, Cancel,
            management);
        _nodes.Add(node);
        return node;
    }

    private async Task<NodeProcess> Start(string verb, string seeds, string data, int port, int management)
    {
        var node = await NodeProcess.StartAsync(verb, data, port, seeds, Environment, Cancel, management);
        _nodes.Add(node);
        return node;
    }

    private string Submit(NodeProcess seed, string id, bool wait)
    {
        string outDir = _dir.Combine($"out-{id}");
        var result = EncasProcess.Run(["submit", fixture.PoolPath, "--cluster", seed.Management, "--out", outDir,
            "--id", id, "--force", .. ClusterFixture.Settings, .. wait ? new[] { "--wait" } : []]);
        Assert.True(result.ExitCode == 0, $"submit failed: {result.Stderr}\n--- seed ---\n{seed.Output}");
        return wait ? File.ReadAllText(Path.Combine(outDir, "summary.json")) : "";
    }

    private static async Task WaitForEpoch(NodeProcess seed, string id, long epoch)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var result = EncasProcess.Run("status", "--cluster", seed.Management, "--id", id, "--json");
            if (result.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(result.Stdout);
                var runs = json.RootElement[0].GetProperty("runs");
                if (runs.EnumerateArray().Any(r => r.GetProperty("epoch").GetInt64() >= epoch))
                {
                    Assert.Equal("running", json.RootElement[0].GetProperty("state").GetString());
                    return;
                }
            }

            await Task.Delay(200, Cancel);
        }

        throw new TimeoutException($"{id} never reached epoch {epoch}:\n{seed.Output}");
    }

    private static List<string> IslandNodes(NodeProcess seed, string id)
    {
        var result = EncasProcess.Run("status", "--cluster", seed.Management, "--id", id, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement[0].GetProperty("runs").EnumerateArray()
            .SelectMany(r => r.GetProperty("islands").EnumerateArray())
            .Select(i => i.GetProperty("node").GetString()!)
            .Distinct()
            .ToList();
    }
}
