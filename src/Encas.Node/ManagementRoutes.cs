using System.IO.Compression;
using Akka.Actor;
using Akka.Hosting;
using Encas.Messages;
using Encas.Messages.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;

namespace Encas.Node;

/// <summary>
/// The management endpoint's health and experiment routes. Read routes are open; routes that change the
/// cluster or stop work need <c>Authorization: Bearer TOKEN</c> and are off when no token is configured.
/// </summary>
public static class ManagementRoutes
{
    // Long enough for a coordinator that is still starting (a restarted seed rejoining, its journal replaying).
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(45);

    /// <summary>Maps the routes onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz");
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("liveness") });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        app.MapGet("/api/experiments", async (IRequiredActor<CoordinatorKey> coordinator, CancellationToken cancel) =>
            Reply(await Ask(coordinator, ListExperiments.Instance, cancel)));
        app.MapGet("/api/experiments/{id}", async (string id, IRequiredActor<CoordinatorKey> coordinator,
            CancellationToken cancel) => Reply(await Ask(coordinator, new GetExperiment(id), cancel)));
        app.MapPost("/api/experiments", async (HttpRequest request, IRequiredActor<CoordinatorKey> coordinator,
            CancellationToken cancel) =>
        {
            if (!Authorised(request, options, openWithoutToken: true))
            {
                return Refused(options);
            }

            var spec = await request.ReadFromJsonAsync<ExperimentSpec>(EncasJson.Options, cancel);
            return spec is null
                ? Results.BadRequest(new { error = "the body is not an experiment spec" })
                : Reply(await Ask(coordinator, new SubmitExperiment(spec), cancel));
        });
        app.MapPost("/api/experiments/{id}/cancel", async (string id, HttpRequest request,
            IRequiredActor<CoordinatorKey> coordinator, CancellationToken cancel) =>
            Authorised(request, options, openWithoutToken: false)
                ? Reply(await Ask(coordinator, new CancelExperiment(id), cancel))
                : Refused(options));
        app.MapGet("/api/experiments/{id}/report", async (string id, IRequiredActor<CoordinatorKey> coordinator,
            CancellationToken cancel) =>
        {
            var answer = await Ask(coordinator, new GetExperiment(id), cancel);
            if (answer is not ExperimentStatus { State: "completed", ReportDir: { } dir } || !Directory.Exists(dir))
            {
                return Results.Conflict(new { error = $"experiment {id} has no completed report" });
            }

            var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(dir, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
            zip.Position = 0;
            return Results.File(zip, "application/zip", $"{id}.zip");
        });
        MapArchive(app);
    }

    private static void MapArchive(WebApplication app) =>
        app.MapGet("/api/experiments/{id}/runs/{run:int}/archive", async (string id, int run,
            IRequiredActor<CoordinatorKey> coordinator, CancellationToken cancel) =>
        {
            var answer = await Ask(coordinator, new GetExperiment(id), cancel);
            if (answer is ExperimentUnknown)
            {
                return Reply(answer);
            }

            string? file = answer is ExperimentStatus { ReportDir: { } dir }
                ? Path.Combine(dir, "runs", $"run-{run:D2}", "archive.csv")
                : null;
            return file is not null && File.Exists(file)
                ? Results.File(file, "text/csv")
                : Results.Conflict(new
                {
                    error = $"run {run} of {id} has no archive yet (it is written with the report)",
                });
        });

    /// <summary>Whether the request carries the configured token (or none is needed).</summary>
    public static bool Authorised(HttpRequest request, NodeOptions options, bool openWithoutToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.ManagementToken))
        {
            return openWithoutToken;
        }

        string header = request.Headers.Authorization.ToString();
        return header == $"Bearer {options.ManagementToken}";
    }

    /// <summary>403 with the reason: no token configured, or a missing or wrong one.</summary>
    public static IResult Refused(NodeOptions options) => Results.Json(new
    {
        error = string.IsNullOrEmpty(options?.ManagementToken)
            ? $"mutating routes are disabled: set {NodeEnvironment.ManagementToken} on the node"
            : "missing or wrong bearer token",
    }, statusCode: StatusCodes.Status403Forbidden);

    private static async Task<object> Ask(IRequiredActor<CoordinatorKey> coordinator, object message,
        CancellationToken cancel)
    {
        var actor = await coordinator.GetAsync(cancel);
        try
        {
            return await actor.Ask<object>(message, AskTimeout, cancel);
        }
        catch (AskTimeoutException)
        {
            return CoordinatorSilent.Instance;
        }
    }

    private static IResult Reply(object answer) => answer switch
    {
        CoordinatorSilent => Results.Json(new
        {
            error = $"the coordinator did not answer within {AskTimeout.TotalSeconds:0} s; the seed may still be "
                + "joining the cluster or recovering its journal: try again",
        }, statusCode: StatusCodes.Status503ServiceUnavailable),
        ExperimentUnknown unknown => Results.Json(new
        {
            experiment_id = unknown.ExperimentId,
            error = $"no experiment '{unknown.ExperimentId}' (see encas ctl experiments)",
        }, statusCode: StatusCodes.Status404NotFound),
        ExperimentRejected rejected => Results.Json(rejected, EncasJson.Options,
            statusCode: StatusCodes.Status400BadRequest),
        _ => Results.Json(answer, EncasJson.Options),
    };
}
