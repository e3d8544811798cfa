using System.Net.Http.Json;
using System.Text.Json;
using Encas.Cluster.Tests.Support;
using Encas.Core.Tests.Support;
using Encas.GpuNode.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Messages.Serialization;
using Encas.Node;

namespace Encas.Cluster.Tests;

/// <summary>A pool build started through the management endpoint survives a SIGKILL of the node driving it: the
/// restarted node takes it up again under the same id and publishes the same pool.</summary>
public sealed class PoolBuildRestartTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_build_interrupted_by_a_node_kill_is_built_again_at_the_next_start()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "logreg_7x7", "mlp_2x256", "cnn_16_32_fc64");
        string output = _dir.Combine("out", "pool");
        var options = new PoolBuildOptions(models, SamplePool.Data, output, DeviceChoice.Cpu, BatchSize: 100,
            SampleLimit: 3000);
        string reference = SamplePool.Reference(options, _dir.Combine("reference"));
        string data = _dir.Combine("data");
        int port = NodeProcess.FreePort();
        int management = NodeProcess.FreePort();
        var environment = new Dictionary<string, string>();
        string id;
        using (var first = await NodeProcess.StartAsync("local", data, port, null, environment, Cancel, management))
        {
            id = await StartBuild(first, new PoolBuildRequest(models, SamplePool.Data, output, "cpu", 100,
                Limit: 3000));
            first.Kill();
        }

        // The kill came while the build ran: the ledger still says so.
        string ledger = Path.Combine(data, "pool-builds", $"127.0.0.1-{port}", id + ".json");
        using (var entry = JsonDocument.Parse(File.ReadAllText(ledger)))
        {
            Assert.Equal("running", entry.RootElement.GetProperty("status").GetProperty("state").GetString());
        }

        Assert.False(File.Exists(Path.Combine(output, "pool.json")));

        using var second = await NodeProcess.StartAsync("local", data, port, null, environment, Cancel, management);
        var status = await WaitForEnd(second, id);

        Assert.True(status.State == "completed", $"{status.State}: {status.Error}\n--- node ---\n{second.Output}");
        Assert.Equal(reference, File.ReadAllText(Path.Combine(output, "pool.json")));
        Assert.Equal(3, status.Models.Count(m => m.State == "done"));
        Assert.Empty(SamplePool.Leftovers(_dir.Combine("out")));
        Assert.Contains($"Pool build {id} was interrupted by a restart", second.Output, StringComparison.Ordinal);
    }

    private static async Task<string> StartBuild(NodeProcess node, PoolBuildRequest request)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{node.Management}/") };
        using var response = await http.PostAsJsonAsync("api/pool-builds", request, EncasJson.Options, Cancel);
        string body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}\n--- node ---\n{node.Output}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<PoolBuildStatus> WaitForEnd(NodeProcess node, string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{node.Management}/") };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync($"api/pool-builds/{id}", Cancel);
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<PoolBuildStatus>(EncasJson.Options, Cancel);
                if (status is { State: not "running" })
                {
                    return status;
                }
            }

            await Task.Delay(250, Cancel);
        }

        throw new TimeoutException($"pool build {id} did not end in 3 minutes:\n{node.Output}");
    }
}
