using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using Encas.Messages;
using Encas.Messages.Serialization;
using Encas.GpuNode;
using Encas.Seed;
using Encas.SearchNode;

namespace Encas.Node;

/// <summary>The actor system of a node: remoting, cluster, serializer, the roles' regions and singletons.</summary>
public static class AkkaSetup
{
    /// <summary>Name of the coordinator singleton.</summary>
    public const string CoordinatorName = "coordinator";

    /// <summary>Largest remoting frame: an island's archive travels in one message.</summary>
    public const int MaxFrameBytes = 32 * 1024 * 1024;

    // Singleton proxies warn that the coordinator is missing within the first second of every start, before the
    // cluster has formed: noise that hides real warnings.
    private const string QuietHocon = "akka.cluster.singleton-proxy.log-singleton-identification-failure = off";

    // The split-brain resolver keeps the side holding the oldest member, which is the seed that formed the cluster
    // and hosts the coordinator. Keep-majority (Akka's default) breaks a tie by the lowest address, so in a seed +
    // one worker cluster a crashed worker with a lower port made the seed down itself and end the experiment.
    // Down-if-alone lets two or more workers drop a crashed seed and wait for it to rejoin.
    private const string DowningHocon = """
        akka.cluster.split-brain-resolver.active-strategy = keep-oldest
        akka.cluster.split-brain-resolver.keep-oldest.down-if-alone = on
        """;

    /// <summary>Configures <paramref name="builder"/> for <paramref name="options"/>.</summary>
    public static void Configure(AkkaConfigurationBuilder builder, NodeOptions options, IslandPools pools)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder
            .ConfigureLoggers(loggers =>
            {
                // Akka's own log lines go through Microsoft.Extensions.Logging like everything else.
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .AddHocon(QuietHocon, HoconAddMode.Prepend)
            .AddHocon(StderrStartupLogger.Hocon, HoconAddMode.Prepend)
            .AddHocon(EncasMessageSerializer.Hocon, HoconAddMode.Prepend)
            .AddHocon(IslandDispatcher.Hocon, HoconAddMode.Prepend)
            .AddHocon(PrecomputeDispatcher.Hocon, HoconAddMode.Prepend)
            .AddHocon(DowningHocon, HoconAddMode.Prepend)
            .AddHocon($"akka.cluster.split-brain-resolver.stable-after = {options.DownAfter.TotalSeconds:0.###}s",
                HoconAddMode.Prepend)
            .WithRemoting(new RemoteOptions
            {
                HostName = options.Host,
                PublicHostName = options.AdvertisedHost,
                Port = options.Port,
                MaxFrameSize = MaxFrameBytes,
            })
            .WithClustering(new ClusterOptions
            {
                Roles = RoleNames(options.Roles),
                SeedNodes = options.SeedAddresses.ToArray(),
            })
            .WithActorSystemLivenessCheck()
            .WithAkkaClusterReadinessCheck();

        var extractor = new IslandMessageExtractor();
        if (options.Roles.HasFlag(NodeRole.Search))
        {
            builder.WithShardRegion<IslandRegionKey>(IslandRegion.Name, _ => IslandEntity.Props(pools), extractor,
                new ShardOptions { Role = EncasRoles.Search, StateStoreMode = StateStoreMode.DData });
        }
        else
        {
            builder.WithShardRegionProxy<IslandRegionKey>(IslandRegion.Name, EncasRoles.Search, extractor);
        }

        var precompute = new PrecomputeMessageExtractor();
        if (options.Roles.HasFlag(NodeRole.Gpu))
        {
            builder.WithShardRegion<PrecomputeRegionKey>(PrecomputeRegion.Name,
                (_, _, resolver) => _ => PrecomputeEntity.Props(resolver.GetService<GpuResources>()), precompute,
                new ShardOptions { Role = PrecomputeRegion.Role, StateStoreMode = StateStoreMode.DData });
        }
        else
        {
            builder.WithShardRegionProxy<PrecomputeRegionKey>(PrecomputeRegion.Name, PrecomputeRegion.Role,
                precompute);
        }

        var singleton = new ClusterSingletonOptions { Role = EncasRoles.Seed };
        if (options.Roles.HasFlag(NodeRole.Seed))
        {
            ConfigureJournal(builder, options);
            builder.WithSingleton<CoordinatorKey>(CoordinatorName, (_, registry, _) =>
                ExperimentCoordinator.Props(registry.Get<IslandRegionKey>(), new CoordinatorOptions
                {
                    DataDir = Path.GetFullPath(options.DataDir),
                    StepTimeout = options.IslandRetry,
                    RetryInterval = options.IslandRetry,
                    MaxConcurrentRuns = options.MaxConcurrentRuns,
                }, registry.Get<PrecomputeRegionKey>()), singleton, createProxyToo: true);
            if (options.SeedNodes.Count == 0)
            {
                // The first seed of a new cluster with a port only known once bound (port 0): join itself.
                builder.AddStartup((system, _) =>
                {
                    var cluster = Akka.Cluster.Cluster.Get(system);
                    cluster.Join(cluster.SelfAddress);
                });
            }
        }
        else
        {
            builder.WithSingletonProxy<CoordinatorKey>(CoordinatorName, singleton);
        }
    }

    /// <summary>The cluster role names of <paramref name="roles"/>.</summary>
    public static string[] RoleNames(NodeRole roles)
    {
        var names = new List<string>();
        if (roles.HasFlag(NodeRole.Seed))
        {
            names.Add(EncasRoles.Seed);
        }

        if (roles.HasFlag(NodeRole.Gpu))
        {
            names.Add(EncasRoles.Gpu);
        }

        if (roles.HasFlag(NodeRole.Search))
        {
            names.Add(EncasRoles.Search);
        }

        return [.. names];
    }

    private static void ConfigureJournal(AkkaConfigurationBuilder builder, NodeOptions options)
    {
        if (options.Journal == JournalKind.Postgres)
        {
            builder.WithSqlPersistence(connectionString: options.ConnectionString!, providerName: "PostgreSQL.15",
                autoInitialize: true);
            return;
        }

        Directory.CreateDirectory(Path.GetFullPath(options.DataDir));
        builder.WithSqlPersistence(connectionString: $"Data Source={options.SqliteFile}", providerName: "SQLite.MS",
            autoInitialize: true);
    }
}
