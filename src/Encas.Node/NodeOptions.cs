using System.Globalization;

namespace Encas.Node;

/// <summary>How a node starts: remoting, seeds, management endpoint, data folder and journal.</summary>
public sealed record NodeOptions
{
    /// <summary>The actor system name every node shares.</summary>
    public const string SystemName = "encas";

    /// <summary>Default remoting port.</summary>
    public const int DefaultPort = 4053;

    /// <summary>Default management port, where pbm users expect it.</summary>
    public const int DefaultManagementPort = 9110;

    /// <summary>The roles this process holds.</summary>
    public NodeRole Roles { get; init; } = NodeRole.All;

    /// <summary>Address remoting binds to.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Address advertised to other nodes (defaults to <see cref="Host"/>).</summary>
    public string? PublicHost { get; init; }

    /// <summary>Remoting port; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Seed nodes as HOST:PORT; empty on a seed means it starts the cluster itself.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>Address the management endpoint binds to (loopback unless configured).</summary>
    public string ManagementHost { get; init; } = "127.0.0.1";

    /// <summary>Management port; 0 picks a free one; -1 serves none.</summary>
    public int ManagementPort { get; init; } = DefaultManagementPort;

    /// <summary>The data folder: journal (SQLite), experiments, snapshots.</summary>
    public string DataDir { get; init; } = "encas-data";

    /// <summary>The journal kind.</summary>
    public JournalKind Journal { get; init; } = JournalKind.Sqlite;

    /// <summary>The PostgreSQL connection string (with <see cref="JournalKind.Postgres"/>).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Bearer token for the mutating management routes; null disables them.</summary>
    public string? ManagementToken { get; init; }

    /// <summary>How long an unreachable member stays before the split-brain resolver downs it.</summary>
    public TimeSpan DownAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the coordinator waits for an island's answer, or after an island's retryable failure, before it
    /// sends the same (idempotent) command again. Longer than an epoch normally takes, or the re-sends only queue
    /// cached answers; short enough that a lost node's islands restart soon. Default 60 s.
    /// </summary>
    public TimeSpan IslandRetry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs the coordinator drives at once over all experiments; 0 = all of them.</summary>
    public int MaxConcurrentRuns { get; init; }

    /// <summary>The address advertised to the cluster.</summary>
    public string AdvertisedHost => string.IsNullOrWhiteSpace(PublicHost) ? Host : PublicHost;

    /// <summary>The seed nodes as Akka addresses.</summary>
    public IReadOnlyList<string> SeedAddresses => SeedNodes
        .Select(s => $"akka.tcp://{SystemName}@{s}")
        .ToList();

    /// <summary>The SQLite journal file under the data folder.</summary>
    public string SqliteFile => Path.Combine(Path.GetFullPath(DataDir), "journal.db");

    /// <summary>Checks the options; the message names the option.</summary>
    public void Validate()
    {
        Require(Roles != NodeRole.None, "a node needs at least one role");
        Require(!string.IsNullOrWhiteSpace(Host), "--host must not be empty");
        Require(Port is >= 0 and <= 65535, $"--port {Port} is not a port (0-65535)");
        Require(ManagementPort is >= -1 and <= 65535, $"--management-port {ManagementPort} is not a port (0-65535)");
        foreach (string seed in SeedNodes)
        {
            Require(TryParseHostPort(seed, out _, out _), $"--seed-nodes: '{seed}' is not HOST:PORT");
        }

        Require(SeedNodes.Count > 0 || Roles.HasFlag(NodeRole.Seed),
            "--seed-nodes is required for a node without the seed role");
        // Only the seed role keeps a journal; other nodes may share the seed's configuration without the secret.
        Require(Journal != JournalKind.Postgres || !Roles.HasFlag(NodeRole.Seed)
            || !string.IsNullOrWhiteSpace(ConnectionString),
            "--journal postgres needs --connection-string");
        Require(!string.IsNullOrWhiteSpace(DataDir), "--data must not be empty");
        Require(DownAfter > TimeSpan.Zero, "the down-after time must be positive");
        Require(MaxConcurrentRuns >= 0, $"{NodeEnvironment.MaxConcurrentRuns} {MaxConcurrentRuns} is negative");
    }

    /// <summary>Splits HOST:PORT.</summary>
    public static bool TryParseHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            return false;
        }

        host = text[..colon];
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
