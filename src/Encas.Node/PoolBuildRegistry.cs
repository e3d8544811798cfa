using System.Collections.Concurrent;
using Akka.Actor;
using Encas.GpuNode;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>
/// The pool builds this node drives for the management endpoint (<c>encas pool build --cluster</c>): each one a
/// <see cref="PoolBuildDriver"/> on the node's actor system that sends to the precompute region (hosted or
/// proxied), with its latest progress kept for <c>GET /api/pool-builds/{id}</c>.
/// </summary>
/// <remarks>Thread-safe. The builds live as long as the node; they are not journaled, so a restarted node
/// forgets them (and the driver's staging folder is left for the operator: TODO(persistence)).</remarks>
public sealed class PoolBuildRegistry(ILogger<PoolBuildRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Build> _builds = new(StringComparer.Ordinal);

    /// <summary>Starts a build and returns its id.</summary>
    /// <exception cref="ArgumentException">The request is not valid (device, batch size).</exception>
    /// <exception cref="InvalidDataException">The data or models.json are unreadable or inconsistent.</exception>
    /// <exception cref="IOException">The output exists and may not be replaced.</exception>
    public string Start(PoolBuildRequest request, ActorSystem system, IActorRef region)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.TryParse<DeviceChoice>(request.Device, ignoreCase: true, out var device))
        {
            throw new ArgumentException($"device '{request.Device}' is not auto, cuda or cpu");
        }

        if (request.BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, got {request.BatchSize}");
        }

        var options = new PoolBuildOptions(request.Models, request.Data, request.Out, device, request.BatchSize,
            request.Force, request.ModelsJson, SampleLimit: request.Limit);
        var (plan, _) = PoolBuildPlan.Create(options);
        var build = new Build(request.Out);
        foreach (var model in plan.Models)
        {
            build.Models[model.Index] = model;
        }

        _builds[plan.BuildId] = build;
        string id = plan.BuildId;
        logger.LogInformation("Pool build {Build} started: {Models} models into {Out}", id, plan.Models.Count,
            request.Out);
        _ = Follow(id, build, PoolBuildSession.DriveAsync(system, region, plan, new Recorder(build), null,
            CancellationToken.None));
        return id;
    }

    /// <summary>The build's status, or null when this node does not know it.</summary>
    public PoolBuildStatus? Get(string id) => _builds.TryGetValue(id, out var build) ? build.Status(id) : null;

    /// <summary>Every build this node knows.</summary>
    public IReadOnlyList<PoolBuildStatus> All() => [.. _builds.Select(b => b.Value.Status(b.Key))];

    private async Task Follow(string id, Build build, Task<PoolBuildOutcome> drive)
    {
        try
        {
            build.Outcome = await drive;
            logger.LogInformation("Pool build {Build} ended: {Failures} failed models", id,
                build.Outcome.Failures.Count);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Pool build {Build} stopped", id);
            build.Outcome = new PoolBuildOutcome(null, [], [], ex.Message, build.Models.Count);
        }
    }

    private sealed class Build(string output)
    {
        private volatile PoolBuildOutcome? _outcome;

        public ConcurrentDictionary<int, ModelProgress> Models { get; } = new();

        public PoolBuildOutcome? Outcome
        {
            get => _outcome;
            set => _outcome = value;
        }

        public PoolBuildStatus Status(string id)
        {
            var outcome = _outcome;
            var manifest = outcome?.Manifest;
            string state = outcome is null ? "running" : manifest is not null ? "completed" : "failed";
            return new PoolBuildStatus(id, state, output, [.. Models.Values.OrderBy(m => m.Index)],
                outcome?.Failures ?? [], outcome?.DataError, manifest?.Classes ?? 0,
                manifest?.Splits.ToDictionary(s => s.Key, s => s.Value.Samples) ?? [],
                [.. (outcome?.Records ?? []).Select(r => r.Provider).Distinct()]);
        }
    }

    private sealed class Recorder(Build build) : IProgress<ModelProgress>
    {
        public void Report(ModelProgress value) => build.Models[value.Index] = value;
    }
}
