using System.Text.Json;
using System.Text.RegularExpressions;
using Encas.Cli.Tests.Support;
using Encas.Cluster.Tests.Support;
using Encas.Core.Tests.Support;
using Encas.GpuNode.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;

namespace Encas.Cluster.Tests;

/// <summary><c>encas pool build --cluster</c> against real seed and gpu-node processes, and
/// <c>encas ctl precompute</c> on the build it started.</summary>
public sealed partial class PoolBuildClusterTests : IDisposable
{
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
    public async Task Should_build_on_the_gpu_node_of_a_running_cluster_and_show_it_in_ctl()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "logreg_7x7", "mlp_1x16", "cnn_4");
        string output = _dir.Combine("out", "pool");
        var options = new PoolBuildOptions(models, SamplePool.Data, output, DeviceChoice.Cpu, BatchSize: 100,
            SampleLimit: 500);
        string reference = SamplePool.Reference(options, _dir.Combine("reference"));
        var environment = new Dictionary<string, string> { ["ENCAS_DOWN_AFTER"] = "3" };
        var seed = await NodeProcess.StartAsync("seed", _dir.Combine("seed"), NodeProcess.FreePort(), null,
            environment, Cancel);
        _nodes.Add(seed);
        var gpu = await NodeProcess.StartAsync("gpu-node", _dir.Combine("gpu"), NodeProcess.FreePort(),
            $"127.0.0.1:{seed.Port}", environment, Cancel);
        _nodes.Add(gpu);

        var build = EncasProcess.Run("pool", "build", "--models", models, "--data", SamplePool.Data, "--out", output,
            "--device", "cpu", "--batch-size", "100", "--limit", "500", "--cluster", seed.Management);
        Assert.True(build.ExitCode == 0, $"{build.Stderr}\n--- seed ---\n{seed.Output}\n--- gpu ---\n{gpu.Output}");
        string id = StartedLine().Match(build.Stderr).Groups[1].Value;
        var ctl = EncasProcess.Run("ctl", "--host", seed.Management, "precompute", id, "--json");
        var table = EncasProcess.Run("ctl", "--host", seed.Management, "precompute", id);

        Assert.Equal(reference, File.ReadAllText(Path.Combine(output, "pool.json")));
        Assert.Contains("built 3 models × 10 classes (500 val, 500 test samples)", build.Stdout,
            StringComparison.Ordinal);
        Assert.Equal(0, ctl.ExitCode);
        using var json = JsonDocument.Parse(ctl.Stdout);
        Assert.Equal("completed", json.RootElement.GetProperty("state").GetString());
        Assert.All(json.RootElement.GetProperty("models").EnumerateArray(), m =>
            Assert.Equal(("done", gpu.Address),
                (m.GetProperty("state").GetString(), m.GetProperty("node").GetString())));
        Assert.Contains("cnn_4", table.Stdout, StringComparison.Ordinal);
        Assert.Empty(SamplePool.Leftovers(_dir.Combine("out")));
    }

    [GeneratedRegex(@"pool build (\S+) started on")]
    private static partial Regex StartedLine();
}
