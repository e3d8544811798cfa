using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Encas.Node;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Encas.GpuNode.Tests.Support;

/// <summary>One <see cref="EncasNode"/> (its own ActorSystem) inside the test process, on a loopback port.</summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessNode(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>Its remoting port.</summary>
    public int Port { get; }

    /// <summary>Its actor system.</summary>
    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    /// <summary>Its cluster address.</summary>
    public string Address => $"akka.tcp://{NodeOptions.SystemName}@127.0.0.1:{Port}";

    /// <summary>Starts a node with <paramref name="roles"/> joining <paramref name="seed"/> (null: it is the seed).
    /// </summary>
    public static async Task<InProcessNode> StartAsync(NodeRole roles, InProcessNode? seed, string data,
        CancellationToken cancel)
    {
        int port = FreePort();
        var options = new NodeOptions
        {
            Roles = roles,
            Port = port,
            ManagementPort = -1,
            DataDir = data,
            DownAfter = TimeSpan.FromSeconds(3),
            SeedNodes = seed is null ? [] : [$"127.0.0.1:{seed.Port}"],
        };
        string? logFile = Environment.GetEnvironmentVariable("ENCAS_TEST_LOG");
        var app = EncasNode.Build(options, logging =>
        {
            if (logFile is null)
            {
                logging.AddFilter((_, level) => level >= LogLevel.Warning);
            }
            else
            {
                logging.AddProvider(new FileLoggerProvider(logFile, $"node:{port}"));
            }
        });
        await app.StartAsync(cancel);
        return new InProcessNode(app, port);
    }

    /// <summary>The node's precompute region (or proxy).</summary>
    public Task<IActorRef> PrecomputeRegion(CancellationToken cancel) =>
        _app.Services.GetRequiredService<IRequiredActor<PrecomputeRegionKey>>().GetAsync(cancel);

    /// <summary>Waits until <paramref name="regions"/> precompute regions are registered with the coordinator.
    /// </summary>
    public async Task WaitForRegions(int regions, CancellationToken cancel)
    {
        var region = await PrecomputeRegion(cancel);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                var stats = await region.Ask<ClusterShardingStats>(
                    new GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5), cancel);
                if (stats.Regions.Count >= regions)
                {
                    return;
                }
            }
            catch (AskTimeoutException)
            {
                // The coordinator may not be up yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"fewer than {regions} precompute regions after 60 s");
            }

            await Task.Delay(200, cancel);
        }
    }

    /// <summary>A TCP port free on loopback right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
