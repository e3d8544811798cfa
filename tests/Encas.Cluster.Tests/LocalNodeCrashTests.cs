using System.Text.Json;
using Encas.Cli.Tests.Support;
using Encas.Cluster.Tests.Support;
using Encas.Core.Tests.Support;

namespace Encas.Cluster.Tests;

/// <summary>
/// <c>encas local</c> (all roles in one process) killed mid-experiment and started again on the same journal
/// finishes with the single-process fronts, on the embedded SQLite journal and on PostgreSQL.
/// </summary>
public sealed class LocalNodeCrashTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_local_node_killed_mid_run_resumes_from_its_journal(string journal)
    {
        string? connection = System.Environment.GetEnvironmentVariable("ENCAS_TEST_POSTGRES");
        Assert.SkipWhen(journal == "postgres" && string.IsNullOrEmpty(connection),
            "ENCAS_TEST_POSTGRES is not set (.ci/run starts PostgreSQL on loopback and sets it)");
        var environment = new Dictionary<string, string> { ["ENCAS_ISLAND_RETRY"] = "5" };
        if (journal == "postgres")
        {
            environment["ENCAS_JOURNAL"] = "postgres";
            environment["ENCAS_CONNECTION_STRING"] = connection!;
        }

        string data = _dir.Combine("data");
        int port = NodeProcess.FreePort();
        int management = NodeProcess.FreePort();
        string id = $"exp-local-{journal}-{Guid.NewGuid():N}"[..40];
        using (var first = await NodeProcess.StartAsync("local", data, port, null, environment, Cancel, management))
        {
            Submit(first, id, wait: false);
            await WaitUntilRunning(first, id);
            first.Kill();
        }

        using var second = await NodeProcess.StartAsync("local", data, port, null, environment, Cancel, management);
        string outDir = _dir.Combine("out");
        Submit(second, id, wait: true, outDir);
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Contains("resum", second.Output, StringComparison.OrdinalIgnoreCase);
    }

    private void Submit(NodeProcess node, string id, bool wait, string? outDir = null)
    {
        var result = EncasProcess.Run(["submit", fixture.PoolPath, "--cluster", node.Management, "--out",
            outDir ?? _dir.Combine("unused"), "--id", id, "--force", .. ClusterFixture.Settings,
            .. wait ? new[] { "--wait" } : []]);
        Assert.True(result.ExitCode == 0, $"submit failed: {result.Stderr}\n--- node ---\n{node.Output}");
    }

    private static async Task WaitUntilRunning(NodeProcess node, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            // Any epoch from 2 on will do: on an idle machine an epoch lasts well under a second, shorter than one
            // status call, so waiting for exactly epoch 2 can miss it.
            var result = EncasProcess.Run("status", "--cluster", node.Management, "--id", id, "--json");
            if (result.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(result.Stdout);
                var experiment = json.RootElement[0];
                if (experiment.GetProperty("runs").EnumerateArray().Any(r => r.GetProperty("epoch").GetInt64() >= 2))
                {
                    Assert.Equal("running", experiment.GetProperty("state").GetString());
                    return;
                }
            }

            await Task.Delay(200, Cancel);
        }

        throw new TimeoutException($"{id} never reached epoch 2:\n{node.Output}");
    }
}
