using System.Collections.Concurrent;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.GpuNode.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Node;

namespace Encas.GpuNode.Tests;

/// <summary>Two gpu nodes in this process (two ActorSystems joined on loopback) share the models of one build.
/// </summary>
public sealed class TwoGpuNodeSpecs : IDisposable
{
    private readonly TempDir _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Should_share_the_models_and_give_the_in_process_pool_byte_for_byte()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "logreg_7x7", "mlp_1x8_7x7", "mlp_1x16",
            "logreg_14x14", "cnn_2", "cnn_4");
        var options = new PoolBuildOptions(models, SamplePool.Data, _dir.Combine("out", "pool"), DeviceChoice.Cpu,
            BatchSize: 100, SampleLimit: 1000);
        string reference = SamplePool.Reference(options, _dir.Combine("reference"));
        await using var first = await InProcessNode.StartAsync(NodeRole.Seed | NodeRole.Gpu, null, _dir.Combine("n1"),
            Cancel);
        await using var second = await InProcessNode.StartAsync(NodeRole.Gpu, first, _dir.Combine("n2"), Cancel);
        await first.WaitForRegions(2, Cancel);
        var nodes = new ConcurrentDictionary<string, string>();
        var progress = new SynchronousProgress(p =>
        {
            if (p is { State: "done", Node: { } node })
            {
                nodes[p.Name] = node;
            }
        });

        var (plan, _) = PoolBuildPlan.Create(options);
        var outcome = await PoolBuildSession.RunAsync(first.System, await first.PrecomputeRegion(Cancel), plan,
            progress, null, Cancel);

        Assert.Equal(reference, File.ReadAllText(Path.Combine(options.Output, PoolManifest.FileName)));
        Assert.Equal(6, outcome.Manifest!.Models.Count);
        Assert.Equal(6, nodes.Count);
        Assert.Contains(first.Address, nodes.Values);
        Assert.Contains(second.Address, nodes.Values);
        Assert.Empty(SamplePool.Leftovers(_dir.Combine("out")));
    }

    private sealed class SynchronousProgress(Action<ModelProgress> report) : IProgress<ModelProgress>
    {
        public void Report(ModelProgress value) => report(value);
    }
}
