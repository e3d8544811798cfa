using Akka.Hosting;
using Encas.GpuNode;
using Encas.SearchNode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>
/// Builds a node process: the Akka.NET actor system of its roles (Akka.Hosting) and, unless switched off, the
/// management endpoint on Kestrel (health probes, cluster and experiment routes).
/// </summary>
public static class EncasNode
{
    /// <summary>Builds (does not start) the node.</summary>
    /// <param name="options">Roles, addresses, data folder and journal.</param>
    /// <param name="logging">Where the node logs; by default single lines on the console.</param>
    /// <param name="embedded">True when a command hosts the node and handles Ctrl+C and SIGTERM itself.</param>
    public static WebApplication Build(NodeOptions options, Action<ILoggingBuilder>? logging = null,
        bool embedded = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging(builder.Logging);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.ManagementPort >= 0)
        {
            builder.WebHost.UseUrls($"http://{UrlHost(options.ManagementHost)}:{options.ManagementPort}");
        }
        else
        {
            // No management endpoint, but the host still starts Kestrel: keep it on a free loopback port, never on
            // its default 5000 (which a second node, or any other program, may hold).
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        if (embedded)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        }

        var pools = new IslandPools();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(pools);
        builder.Services.AddSingleton(services =>
            new GpuResources(services.GetRequiredService<ILoggerFactory>().CreateLogger("Encas.GpuNode")));
        builder.Services.AddSingleton(services =>
            new PoolBuildRegistry(services.GetRequiredService<ILogger<PoolBuildRegistry>>(), options));
        builder.Services.AddHealthChecks();
        builder.Services.AddAkka(NodeOptions.SystemName, (akka, _) =>
        {
            AkkaSetup.Configure(akka, options, pools);
            if (embedded)
            {
                // Akka's own Ctrl+C/SIGTERM hook would stop the node underneath the command that hosts it.
                akka.AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend);
            }
        });

        // After AddAkka: hosted services start in order, and this one needs the actor system.
        builder.Services.AddHostedService<PoolBuildResumer>();
        var app = builder.Build();
        if (options.ManagementPort >= 0)
        {
            ManagementRoutes.Map(app, options);
            ClusterRoutes.Map(app, options);
            PoolBuildRoutes.Map(app, options);
        }

        return app;
    }

    private static string UrlHost(string host) => host is "0.0.0.0" or "*" ? "0.0.0.0" : host;
}
