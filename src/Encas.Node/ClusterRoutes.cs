using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Encas.GpuNode;
using Encas.SearchNode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Encas.Node;

/// <summary>
/// The cluster routes behind <c>encas ctl cluster …</c>, on the public Cluster and ClusterSharding APIs:
/// members, leader, unreachable members, leave, down, down-unreachable, sharding regions and their statistics.
/// </summary>
public static class ClusterRoutes
{
    /// <summary>The sharding types a node knows, hosted or proxied.</summary>
    public static IReadOnlyList<string> ShardTypes { get; } = [IslandRegion.Name, PrecomputeRegion.Name];

    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Maps the routes onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/cluster/members", (ActorSystem system) => Results.Json(ClusterView.Of(system)));
        app.MapGet("/cluster/leader", (ActorSystem system) =>
            Results.Json(new { leader = ClusterView.Of(system).Leader }));
        app.MapGet("/cluster/unreachable", (ActorSystem system) =>
            Results.Json(new { unreachable = ClusterView.Of(system).Unreachable }));
        app.MapPost("/cluster/leave", (string address, HttpRequest request, ActorSystem system) =>
            MutateMember(request, options, system, address, Cluster(system).Leave));
        app.MapPost("/cluster/down", (string address, HttpRequest request, ActorSystem system) =>
            MutateMember(request, options, system, address, Cluster(system).Down));
        app.MapPost("/cluster/down-unreachable", (HttpRequest request, ActorSystem system) =>
        {
            var cluster = Cluster(system);
            var unreachable = cluster.State.Unreachable.Select(m => m.Address).ToList();
            return Mutate(request, options, () => unreachable.ForEach(cluster.Down),
                string.Join(",", unreachable.Select(a => a.ToString())));
        });
        app.MapGet("/cluster/sharding/regions", async (ActorSystem system, CancellationToken cancel) =>
        {
            var regions = new List<object>();
            foreach (string type in ShardTypes)
            {
                var stats = await Stats(system, type, cancel);
                regions.Add(new
                {
                    type,
                    regions = stats.Count,
                    shards = stats.Values.Sum(r => r.Count),
                    entities = stats.Values.Sum(r => r.Values.Sum()),
                });
            }

            return Results.Json(new { regions });
        });
        app.MapGet("/cluster/sharding/{type}/stats", async (string type, ActorSystem system,
            CancellationToken cancel) =>
        {
            if (!ShardTypes.Contains(type, StringComparer.Ordinal))
            {
                string known = string.Join(", ", ShardTypes);
                return Results.NotFound(new { error = $"no sharding type '{type}' (known: {known})" });
            }

            var stats = await Stats(system, type, cancel);
            return Results.Json(new
            {
                type,
                regions = stats.Select(r => new { address = r.Key, shards = r.Value }).ToList(),
            });
        });
    }

    private static async Task<Dictionary<string, Dictionary<string, int>>> Stats(ActorSystem system, string type,
        CancellationToken cancel)
    {
        var region = ClusterSharding.Get(system).ShardRegion(type);
        var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout), StatsTimeout,
            cancel);
        return stats.Regions.ToDictionary(r => r.Key.ToString(),
            r => r.Value.Stats.ToDictionary(s => s.Key, s => s.Value),
            StringComparer.Ordinal);
    }

    private static IResult Mutate(HttpRequest request, NodeOptions options, Action act, string what)
    {
        if (!ManagementRoutes.Authorised(request, options, openWithoutToken: false))
        {
            return ManagementRoutes.Refused(options);
        }

        act();
        return Results.Json(new { done = what });
    }

    /// <summary>
    /// Leave or down one member: 400 with the reason for a malformed address, 404 for an address that is not a
    /// member (Akka ignores those silently, so a typo would look like success).
    /// </summary>
    private static IResult MutateMember(HttpRequest request, NodeOptions options, ActorSystem system, string text,
        Action<Address> act)
    {
        if (!ManagementRoutes.Authorised(request, options, openWithoutToken: false))
        {
            return ManagementRoutes.Refused(options);
        }

        if (!TryParse(text, out var address))
        {
            return Results.BadRequest(new
            {
                error = $"'{text}' is not a cluster address (akka.tcp://encas@HOST:PORT)",
            });
        }

        if (!Cluster(system).State.Members.Any(m => m.Address.Equals(address)))
        {
            return Results.NotFound(new { error = $"{address} is not a member (see encas ctl cluster show)" });
        }

        return Mutate(request, options, () => act(address), address.ToString());
    }

    private static bool TryParse(string text, out Address address)
    {
        address = null!;
        try
        {
            address = Address.Parse(text);
            return address.Host is not null && address.Port is > 0;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static Akka.Cluster.Cluster Cluster(ActorSystem system) => Akka.Cluster.Cluster.Get(system);
}
