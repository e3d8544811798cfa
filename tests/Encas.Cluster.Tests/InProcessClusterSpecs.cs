using Akka.Actor;
using Akka.Hosting;
using Encas.Cluster.Tests.Support;
using Encas.Core.Tests.Support;
using Encas.Messages;
using Encas.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Encas.Cluster.Tests;

/// <summary>
/// Two nodes in the test process, joined over loopback: a seed (coordinator singleton, SQLite journal, no islands)
/// and a search node. The singleton lives on the seed, every island on the search node, and the report equals the
/// pure library's.
/// </summary>
public sealed class InProcessClusterSpecs(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly List<WebApplication> _nodes = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.StopAsync(CancellationToken.None);
            await node.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Should_keep_the_coordinator_on_the_seed_and_the_islands_on_the_search_node()
    {
        int seedPort = NodeProcess.FreePort();
        var seed = await Start(new NodeOptions
        {
            Roles = NodeRole.Seed, Port = seedPort, ManagementPort = -1, DataDir = _dir.Combine("seed"),
        });
        var search = await Start(new NodeOptions
        {
            Roles = NodeRole.Search, Port = 0, ManagementPort = -1, DataDir = _dir.Combine("search"),
            SeedNodes = [$"127.0.0.1:{seedPort}"],
        });
        var coordinator = await search.Services.GetRequiredService<IRequiredActor<CoordinatorKey>>().GetAsync(Cancel);
        string outDir = _dir.Combine("report");
        var spec = new ExperimentSpec("in-process", fixture.PoolPath,
            SearchSpec.From(ClusterFixture.LibrarySettings), outDir, Replace: false);

        var accepted = await coordinator.Ask<object>(new SubmitExperiment(spec), TimeSpan.FromSeconds(60), Cancel);
        var status = await WaitUntilDone(coordinator, spec.ExperimentId);

        Assert.IsType<ExperimentAccepted>(accepted);
        Assert.Equal("completed", status.State);
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(outDir, "summary.json")));
        string searchAddress = Address(search);
        Assert.All(status.Runs.SelectMany(r => r.Islands), i => Assert.Equal(searchAddress, i.Node));
        Assert.True(await HostsCoordinator(seed));
        Assert.False(await HostsCoordinator(search));
    }

    private async Task<WebApplication> Start(NodeOptions options)
    {
        var app = EncasNode.Build(options, _ => { });
        _nodes.Add(app);
        await app.StartAsync(Cancel);
        return app;
    }

    private static string Address(WebApplication node) =>
        Akka.Cluster.Cluster.Get(node.Services.GetRequiredService<ActorSystem>()).SelfAddress.ToString();

    // The singleton manager runs the coordinator as its child "coordinator" on the oldest seed-role node only.
    private static async Task<bool> HostsCoordinator(WebApplication node)
    {
        var system = node.Services.GetRequiredService<ActorSystem>();
        var identity = await system.ActorSelection($"/user/{AkkaSetup.CoordinatorName}/{AkkaSetup.CoordinatorName}")
            .Ask<ActorIdentity>(new Identify(1), TimeSpan.FromSeconds(10), Cancel);
        return identity.Subject is not null;
    }

    private static async Task<ExperimentStatus> WaitUntilDone(IActorRef coordinator, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (true)
        {
            var status = await coordinator.Ask<ExperimentStatus>(new GetExperiment(id), TimeSpan.FromSeconds(30),
                Cancel);
            if (status.State is "completed" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(200, Cancel);
        }
    }
}
