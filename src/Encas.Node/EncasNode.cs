using Akka.Hosting;
using Encas.GpuNode;
using Encas.SearchNode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>
/// Builds a node process: the Akka.NET actor system of its roles (Akka.Hosting) and, unless switched off, the
/// management endpoint on Kestrel (health probes, cluster and experiment routes).
/// </summary>
public static class EncasNode
{
    /// <summary>Builds (does not start) the node.</summary>
    public static WebApplication Build(NodeOptions options, Action<ILoggingBuilder>? logging = null)
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
            // Kestrel starts with the host regardless; without this it would take localhost:5000 and fail when
            // another process (or a second node in this one) holds it. An ephemeral loopback port serves no routes.
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var pools = new IslandPools();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(pools);
        builder.Services.AddSingleton(services =>
            new GpuResources(services.GetRequiredService<ILoggerFactory>().CreateLogger("Encas.GpuNode")));
        builder.Services.AddSingleton<PoolBuildRegistry>();
        builder.Services.AddHealthChecks();
        builder.Services.AddAkka(NodeOptions.SystemName, (akka, _) => AkkaSetup.Configure(akka, options, pools));
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
