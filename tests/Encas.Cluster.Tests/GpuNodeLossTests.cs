using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Encas.Cluster.Tests.Support;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.GpuNode;
using Encas.GpuNode.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Node;

namespace Encas.Cluster.Tests;

/// <summary>A gpu node that is a real process, killed with SIGKILL in the middle of a sharded pool build: the
/// other gpu node finishes its models and the pool equals the in-process build, with no partial file anywhere.
/// </summary>
public sealed class GpuNodeLossTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Should_finish_the_pool_on_the_other_node_when_a_gpu_node_is_killed_mid_build()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "cnn_8_16", "cnn_16", "cnn_16_32",
            "cnn_32", "mlp_2x256", "mlp_3x128");
        string output = _dir.Combine("out", "pool");
        var options = new PoolBuildOptions(models, SamplePool.Data, output, DeviceChoice.Cpu, BatchSize: 100,
            SampleLimit: 3000);
        string reference = SamplePool.Reference(options, _dir.Combine("reference"));
        await using var local = await InProcessNode.StartAsync(NodeRole.Seed | NodeRole.Gpu, null,
            _dir.Combine("local"), Cancel);
        // The remote gets the lower port on purpose: under keep-majority a two-node tie kept the lowest address, so
        // the seed downed itself when this worker died.
        using var remote = await NodeProcess.StartAsync("gpu-node", _dir.Combine("remote"), LowerPort(local.Port),
            $"127.0.0.1:{local.Port}", new Dictionary<string, string> { ["ENCAS_DOWN_AFTER"] = "3" }, Cancel);
        await local.WaitForRegions(2, Cancel);

        // Kill the remote node as soon as it reports progress on a model: that model is mid-inference.
        var killedModel = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var doneOn = new ConcurrentDictionary<string, string>();
        var doneOnRemote = new ConcurrentDictionary<string, bool>();
        var progress = new Listener(p =>
        {
            if (p is { State: "running" } && p.Node == remote.Address && killedModel.TrySetResult(p.Name))
            {
                remote.Kill();
            }

            if (p is { State: "done", Node: { } node })
            {
                doneOn[p.Name] = node;
                if (node == remote.Address)
                {
                    doneOnRemote[p.Name] = true;
                }
            }
        });
        var (plan, _) = PoolBuildPlan.Create(options);
        var settings = new PoolBuildDriverSettings { ResendAfter = TimeSpan.FromSeconds(5) };
        var outcome = await PoolBuildSession.RunAsync(local.System, await local.PrecomputeRegion(Cancel), plan,
            progress, settings, Cancel);

        Assert.True(killedModel.Task.IsCompleted, "the remote gpu node never ran a model, so it was not killed");
        Assert.True(remote.HasExited);
        string victim = await killedModel.Task;
        // The kill races the remote's last batches: a small model can finish (and say so) before SIGKILL lands.
        // Either way the victim is done exactly once in the pool, and a model the remote did not finish is redone.
        Assert.True(doneOn[victim] == local.Address || doneOnRemote.ContainsKey(victim),
            $"{victim} was neither redone on the local node nor finished by the remote before the kill");
        Assert.Contains(doneOn, pair => pair.Value == local.Address);
        Assert.Equal(6, outcome.Manifest!.Models.Count);
        Assert.Equal(reference, File.ReadAllText(Path.Combine(output, PoolManifest.FileName)));
        using var pool = Pool.Open(output);
        Assert.Empty(SamplePool.Leftovers(_dir.Combine("out")));
        Assert.Equal([output], Directory.GetDirectories(_dir.Combine("out")));
    }

    private static int LowerPort(int than)
    {
        for (int port = than - 1; port > 1024; port--)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try the next one down.
            }
        }

        throw new InvalidOperationException($"no free loopback port below {than}");
    }

    private sealed class Listener(Action<ModelProgress> report) : IProgress<ModelProgress>
    {
        public void Report(ModelProgress value) => report(value);
    }
}
