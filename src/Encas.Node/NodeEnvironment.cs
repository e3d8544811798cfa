namespace Encas.Node;

/// <summary>
/// The environment variables a node reads, one per option (the option wins when both are given). The Kubernetes
/// manifests and the Docker images set exactly these; the deployment contract tests hold them to this list.
/// </summary>
public static class NodeEnvironment
{
    /// <summary>Address remoting binds to (<c>--host</c>).</summary>
    public const string Host = "ENCAS_HOST";

    /// <summary>Address other nodes reach this one at (<c>--public-host</c>).</summary>
    public const string PublicHost = "ENCAS_PUBLIC_HOST";

    /// <summary>Remoting port (<c>--port</c>).</summary>
    public const string Port = "ENCAS_PORT";

    /// <summary>Seed nodes, HOST:PORT[,…] (<c>--seed-nodes</c>).</summary>
    public const string SeedNodes = "ENCAS_SEED_NODES";

    /// <summary>Address the management endpoint binds to (<c>--management-host</c>).</summary>
    public const string ManagementHost = "ENCAS_MANAGEMENT_HOST";

    /// <summary>Management port (<c>--management-port</c>).</summary>
    public const string ManagementPort = "ENCAS_MANAGEMENT_PORT";

    /// <summary>Data folder (<c>--data</c>).</summary>
    public const string Data = "ENCAS_DATA";

    /// <summary>Journal kind, sqlite or postgres (<c>--journal</c>).</summary>
    public const string Journal = "ENCAS_JOURNAL";

    /// <summary>PostgreSQL connection string (<c>--connection-string</c>).</summary>
    public const string ConnectionString = "ENCAS_CONNECTION_STRING";

    /// <summary>Bearer token for the mutating management routes; unset disables them.</summary>
    public const string ManagementToken = "ENCAS_MANAGEMENT_TOKEN";

    /// <summary>Seconds an unreachable member waits before the split-brain resolver downs it.</summary>
    public const string DownAfter = "ENCAS_DOWN_AFTER";

    /// <summary>Seconds the coordinator waits for an island before it sends the same command again.</summary>
    public const string IslandRetry = "ENCAS_ISLAND_RETRY";

    /// <summary>Runs the coordinator drives at once over all experiments; 0 or unset = all of them.</summary>
    public const string MaxConcurrentRuns = "ENCAS_MAX_CONCURRENT_RUNS";

    /// <summary>Every variable above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Host, PublicHost, Port, SeedNodes, ManagementHost, ManagementPort, Data, Journal, ConnectionString,
        ManagementToken, DownAfter, IslandRetry, MaxConcurrentRuns,
    ];
}
