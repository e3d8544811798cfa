using Encas.Core.Tests.Support;
using Encas.Node;

namespace Encas.Cluster.Tests;

/// <summary>Node options: command line over environment over appsettings.json over defaults; clear errors.</summary>
public sealed class NodeOptionsTests : IDisposable
{
    private static readonly NodeOptionsSource.CommandLine None = new(null, null, null, null, null, null, null, null,
        null);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_command_line_wins_over_the_environment_which_wins_over_appsettings()
    {
        File.WriteAllText(_dir.Combine("appsettings.json"),
            """{ "Encas": { "Port": "5001", "Data": "/from-file", "SeedNodes": "a:1", "ManagementPort": "9200" } }""");
        var environment = new Dictionary<string, string>
        {
            [NodeEnvironment.Port] = "5002",
            [NodeEnvironment.SeedNodes] = "b:2, c:3",
        };
        var options = NodeOptionsSource.Resolve(NodeRole.Search, None with { Port = 5003 },
            k => environment.GetValueOrDefault(k), _dir.Path);
        Assert.Equal(5003, options.Port);
        Assert.Equal(["b:2", "c:3"], options.SeedNodes);
        Assert.Equal("/from-file", options.DataDir);
        Assert.Equal(9200, options.ManagementPort);
        Assert.Equal(["akka.tcp://encas@b:2", "akka.tcp://encas@c:3"], options.SeedAddresses);
    }

    [Fact]
    public void Defaults_are_loopback_4053_9110_and_sqlite()
    {
        var options = NodeOptionsSource.Resolve(NodeRole.All, None, _ => null, _dir.Path);
        Assert.Equal(("127.0.0.1", 4053, "127.0.0.1", 9110, JournalKind.Sqlite),
            (options.Host, options.Port, options.ManagementHost, options.ManagementPort, options.Journal));
        Assert.Null(options.ManagementToken);
    }

    [Theory]
    [InlineData("--seed-nodes is required", NodeRole.Search, null, null, null)]
    [InlineData("--seed-nodes: 'nohost' is not HOST:PORT", NodeRole.Gpu, "nohost", null, null)]
    [InlineData("--journal postgres needs --connection-string", NodeRole.Seed, null, "postgres", null)]
    [InlineData("--journal: 'mysql' is not sqlite or postgres", NodeRole.Seed, null, "mysql", null)]
    [InlineData("--port 70000 is not a port", NodeRole.Seed, null, null, 70000)]
    public void Bad_options_fail_with_a_message_naming_the_option(string message, NodeRole roles, string? seeds,
        string? journal, int? port)
    {
        var error = Assert.Throws<ArgumentException>(() => NodeOptionsSource.Resolve(roles,
            None with { SeedNodes = seeds, Journal = journal, Port = port }, _ => null, _dir.Path));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_number_in_the_environment_names_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => NodeOptionsSource.Resolve(NodeRole.Seed, None,
            k => k == NodeEnvironment.Port ? "forty" : null, _dir.Path));
        Assert.Equal("--port: 'forty' is not a whole number", error.Message);
    }
}
