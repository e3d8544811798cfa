using System.CommandLine;
using Akka.Actor;
using Akka.Hosting;
using Encas.Node;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Encas.Cli.Commands;

/// <summary><c>encas local|seed|gpu-node|search-node</c>: run a cluster node with the given roles until
/// stopped.</summary>
internal static class NodeCommand
{
    public static IEnumerable<Command> CreateAll() =>
    [
        Create("local", NodeRole.All, "Run a node with all three roles (seed, gpu, search): a cluster of one."),
        Create("seed", NodeRole.Seed, "Run a seed node: cluster seed, experiment coordinator, operator endpoint."),
        Create("gpu-node", NodeRole.Gpu, "Run a gpu node: sharded pool precomputation with ONNX Runtime."),
        Create("search-node", NodeRole.Search, "Run a search node: sharded island MO-GOMEA populations."),
    ];

    private static Command Create(string name, NodeRole roles, string description)
    {
        var host = new Option<string?>("--host")
        {
            Description = $"Address remoting binds to [{NodeEnvironment.Host}].",
        };
        var publicHost = new Option<string?>("--public-host")
        {
            Description = $"Address other nodes reach this one at [{NodeEnvironment.PublicHost}].",
        };
        var port = new Option<int?>("--port") { Description = $"Remoting port, 0 = any [{NodeEnvironment.Port}]." };
        var seeds = new Option<string?>("--seed-nodes")
        {
            Description = $"Seed nodes HOST:PORT[,HOST:PORT...] [{NodeEnvironment.SeedNodes}].",
        };
        var managementHost = new Option<string?>("--management-host")
        {
            Description = $"Address the management endpoint binds to [{NodeEnvironment.ManagementHost}].",
        };
        var managementPort = new Option<int?>("--management-port")
        {
            Description = $"Management port, 0 = any, -1 = none [{NodeEnvironment.ManagementPort}].",
        };
        var data = new Option<string?>("--data") { Description = $"Data folder [{NodeEnvironment.Data}]." };
        var journal = new Option<string?>("--journal")
        {
            Description = $"Coordinator journal: sqlite (file under --data) or postgres [{NodeEnvironment.Journal}].",
        };
        journal.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection-string")
        {
            Description = $"PostgreSQL connection string [{NodeEnvironment.ConnectionString}].",
        };
        var command = new NodeVerbCommand(name, description)
        {
            host, publicHost, port, seeds, managementHost, managementPort, data, journal, connection,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var options = NodeOptionsSource.Resolve(roles, new NodeOptionsSource.CommandLine(
                parse.GetValue(host), parse.GetValue(publicHost), parse.GetValue(port), parse.GetValue(seeds),
                parse.GetValue(managementHost), parse.GetValue(managementPort), parse.GetValue(data),
                parse.GetValue(journal), parse.GetValue(connection)));
            await using var app = EncasNode.Build(options);
            await app.StartAsync(cancel);
            var system = app.Services.GetRequiredService<ActorSystem>();
            var self = Akka.Cluster.Cluster.Get(system).SelfAddress;
            string management = options.ManagementPort < 0
                ? "none"
                : string.Join(",", app.Services.GetRequiredService<IServer>().Features
                    .Get<IServerAddressesFeature>()?.Addresses ?? []);
            Console.Out.WriteLine($"encas {name}: node {self} roles [{string.Join(",", AkkaSetup.RoleNames(roles))}] "
                + $"management {management} data {Path.GetFullPath(options.DataDir)}");
            Console.Out.Flush();
            try
            {
                await Task.WhenAny(Task.Delay(Timeout.Infinite, cancel), system.WhenTerminated);
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }
}
