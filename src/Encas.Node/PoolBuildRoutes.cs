using Akka.Actor;
using Akka.Hosting;
using Encas.Messages.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Encas.Node;

/// <summary>
/// The pool-build routes behind <c>encas pool build --cluster</c> and <c>encas ctl precompute</c>: start a sharded
/// build driven by this node, list the builds, and one build's progress per model.
/// </summary>
public static class PoolBuildRoutes
{
    /// <summary>Maps the routes onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/pool-builds", async (HttpRequest request, ActorSystem system, PoolBuildRegistry builds,
            IRequiredActor<PrecomputeRegionKey> region, CancellationToken cancel) =>
        {
            if (!ManagementRoutes.Authorised(request, options, openWithoutToken: true))
            {
                return ManagementRoutes.Refused(options);
            }

            var body = await request.ReadFromJsonAsync<PoolBuildRequest>(EncasJson.Options, cancel);
            if (body is null)
            {
                return Results.BadRequest(new { error = "the body is not a pool build request" });
            }

            try
            {
                string id = builds.Start(body, system, await region.GetAsync(cancel));
                return Results.Json(new { id }, EncasJson.Options);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException
                or UnauthorizedAccessException)
            {
                return Results.BadRequest(new { error = ex.Message.ReplaceLineEndings(" ") });
            }
        });
        app.MapGet("/api/pool-builds", (PoolBuildRegistry builds) =>
            Results.Json(new { builds = builds.All() }, EncasJson.Options));
        app.MapGet("/api/pool-builds/{id}", (string id, PoolBuildRegistry builds) =>
            builds.Get(id) is { } status
                ? Results.Json(status, EncasJson.Options)
                : Results.NotFound(new { error = $"no pool build '{id}' on this node" }));
    }
}
