using Encas.Cli.Tests.Support;
using Encas.Core.Tests.Support;
using Encas.Node;
using Microsoft.AspNetCore.Builder;

namespace Encas.Cluster.Tests.Support;

/// <summary>
/// A real cluster inside the test process for the <c>encas ctl</c> tests: a seed+search node and a search node
/// joining it (management token <see cref="Token"/>), the sample pool imported, and one short experiment
/// (<see cref="Completed"/>) run to its report.
/// </summary>
public sealed class InProcessCluster : IAsyncLifetime
{
    /// <summary>The management token of every node here.</summary>
    public const string Token = "t";

    /// <summary>The id of the experiment that completes during start-up.</summary>
    public const string Completed = "exp-ctl-done";

    private readonly List<WebApplication> _apps = [];

    /// <summary>The temp folder for data, pool and reports.</summary>
    public TempDir Dir { get; } = new();

    /// <summary>The seed (roles seed and search).</summary>
    public NodeOptions Seed { get; private set; } = null!;

    /// <summary>The node that joined the seed (role search).</summary>
    public NodeOptions Second { get; private set; } = null!;

    /// <summary>HOST:PORT of the seed's management endpoint.</summary>
    public string Management => $"127.0.0.1:{Seed.ManagementPort}";

    /// <summary>The imported sample pool.</summary>
    public string PoolPath => Dir.Combine("pool");

    /// <summary>The cluster address of a node started here.</summary>
    public static string Address(NodeOptions node) => $"akka.tcp://{NodeOptions.SystemName}@127.0.0.1:{node.Port}";

    public async ValueTask InitializeAsync()
    {
        string sample = RepoPaths.SamplePool()
            ?? throw new InvalidOperationException("samples/fashion-mnist is missing from the checkout");
        var import = Task.Run(() => EncasProcess.Run("pool", "import", sample, "--out", PoolPath));
        Seed = Options(NodeRole.Seed | NodeRole.Search, "seed", []);
        await StartAsync(Seed);
        Second = Options(NodeRole.Search, "second", [$"127.0.0.1:{Seed.Port}"]);
        await StartAsync(Second);
        Check(await import);
        await WaitAsync(() => Ctl("cluster", "show").Stdout.Contains("Count: 2 nodes", StringComparison.Ordinal),
            "two members up");
        Check(EncasProcess.Run("submit", PoolPath, "--cluster", Management, "--out", Dir.Combine("report"), "--id",
            Completed, "--runs", "1", "--evaluations", "4000", "--islands", "2", "--migration-interval", "1000",
            "--reference-point", "40,4", "--token", Token, "--wait"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        Dir.Dispose();
    }

    /// <summary>Starts one more in-process node joining the seed; dispose it with <see cref="StopAsync"/>.</summary>
    public async Task<(NodeOptions Options, WebApplication App)> JoinAsync(NodeRole roles, string name)
    {
        var options = Options(roles, name, [$"127.0.0.1:{Seed.Port}"]);
        var app = EncasNode.Build(options, _ => { });
        await app.StartAsync();
        return (options, app);
    }

    /// <summary>Stops and disposes a node from <see cref="JoinAsync"/>.</summary>
    public static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    /// <summary>Runs <c>encas ctl --host SEED ARGS</c>.</summary>
    public EncasProcess.Result Ctl(params string[] args) => EncasProcess.Run(["ctl", "--host", Management, .. args]);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after 60 s.</summary>
    public static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited 60 s for {what}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Throws unless encas exited 0.</summary>
    public static void Check(EncasProcess.Result result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"encas failed ({result.ExitCode}): {result.Stderr}\n{result.Stdout}");
        }
    }

    private NodeOptions Options(NodeRole roles, string name, IReadOnlyList<string> seeds) => new()
    {
        Roles = roles,
        Host = "127.0.0.1",
        Port = NodeProcess.FreePort(),
        ManagementPort = NodeProcess.FreePort(),
        ManagementToken = Token,
        DataDir = Dir.Combine(name),
        SeedNodes = seeds,
        // Long enough that only the operator downs a killed member here, not the split-brain resolver.
        DownAfter = TimeSpan.FromSeconds(60),
        IslandRetry = TimeSpan.FromSeconds(5),
    };

    private async Task StartAsync(NodeOptions options)
    {
        var app = EncasNode.Build(options, _ => { });
        _apps.Add(app);
        await app.StartAsync();
    }
}
