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
/// proxied), with its latest progress kept for <c>GET /api/pool-builds/{id}</c>. Every build is written to the
/// node's <see cref="PoolBuildLedger"/> when it starts and when it ends, so a restarted node reports the builds that
/// ended and runs the interrupted ones again (<see cref="ResumeInterrupted"/>), under the same id.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class PoolBuildRegistry
{
    private readonly ConcurrentDictionary<string, Build> _builds = new(StringComparer.Ordinal);
    private readonly ILogger<PoolBuildRegistry> _logger;
    private readonly PoolBuildLedger _ledger;
    private readonly IReadOnlyList<PoolBuildEntry> _interrupted;

    /// <summary>A registry keeping its ledger under the node's data folder, in a folder named for the node's
    /// advertised address (<c>pool-builds/HOST-PORT</c>): nodes that share one data volume (the Kubernetes
    /// deployment mounts one for all pods) never take up each other's builds, and a node restarted under the same
    /// address (a StatefulSet seed, a fixed loopback port) finds its own.</summary>
    public PoolBuildRegistry(ILogger<PoolBuildRegistry> logger, NodeOptions options)
        : this(logger, new PoolBuildLedger(LedgerFolder(options)))
    {
    }

    /// <summary>A registry over <paramref name="ledger"/>: the builds that ended are known at once, the
    /// interrupted ones wait for <see cref="ResumeInterrupted"/>.</summary>
    public PoolBuildRegistry(ILogger<PoolBuildRegistry> logger, PoolBuildLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _logger = logger;
        _ledger = ledger;
        var (entries, unreadable) = ledger.ReadAll();
        foreach (string reason in unreadable)
        {
            logger.LogWarning("Pool build entry skipped: {Reason}", reason);
        }

        foreach (var entry in entries.Where(e => e.Status.State != "running"))
        {
            _builds[entry.Status.Id] = Build.Ended(entry);
        }

        _interrupted = [.. entries.Where(e => e.Status.State == "running")];
    }

    /// <summary>Ids of the builds that were running when this node last stopped, not yet taken up again.</summary>
    public IReadOnlyList<string> Interrupted => [.. _interrupted.Select(e => e.Status.Id)];

    /// <summary>Starts a build and returns its id.</summary>
    /// <exception cref="ArgumentException">The request is not valid (device, batch size).</exception>
    /// <exception cref="InvalidDataException">The data or models.json are unreadable or inconsistent.</exception>
    /// <exception cref="IOException">The output exists and may not be replaced.</exception>
    public string Start(PoolBuildRequest request, ActorSystem system, IActorRef region)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Launch(request, null, system, region);
    }

    /// <summary>Runs again, under their ids, the builds this node was driving when it stopped: the staging folder
    /// the dead driver left is deleted and every model is sent again (the gpu nodes redo what they cannot prove
    /// whole). A build that can no longer start (its inputs are gone, its output appeared) ends as failed with the
    /// reason.</summary>
    /// <returns>How many builds were taken up.</returns>
    public int ResumeInterrupted(ActorSystem system, IActorRef region)
    {
        int resumed = 0;
        foreach (var entry in _interrupted)
        {
            string id = entry.Status.Id;
            if (_builds.ContainsKey(id))
            {
                continue;
            }

            DeleteStaging(entry.StagingDir);
            try
            {
                Launch(entry.Request, id, system, region);
                _logger.LogInformation("Pool build {Build} was interrupted by a restart: building again into {Out}",
                    id, entry.Request.Out);
                resumed++;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException
                or UnauthorizedAccessException)
            {
                string error = $"interrupted by a restart and could not start again: {OneLine(ex)}";
                _logger.LogWarning("Pool build {Build}: {Error}", id, error);
                var status = entry.Status with { State = "failed", Error = error };
                _builds[id] = Build.Ended(entry with { Status = status });
                Persist(entry with { Status = status });
            }
        }

        return resumed;
    }

    /// <summary>The build's status, or null when this node does not know it.</summary>
    public PoolBuildStatus? Get(string id) => _builds.TryGetValue(id, out var build) ? build.Status(id) : null;

    /// <summary>Every build this node knows.</summary>
    public IReadOnlyList<PoolBuildStatus> All() => [.. _builds.Select(b => b.Value.Status(b.Key))];

    private string Launch(PoolBuildRequest request, string? id, ActorSystem system, IActorRef region)
    {
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
        var (plan, _) = PoolBuildPlan.Create(options, id);
        var build = new Build(request, plan.StagingDir, DateTime.UtcNow);
        foreach (var model in plan.Models)
        {
            build.Models[model.Index] = model;
        }

        id = plan.BuildId;
        _builds[id] = build;
        try
        {
            Persist(build.Entry(id));
        }
        catch
        {
            _builds.TryRemove(id, out _);
            plan.Dispose();
            throw;
        }

        _logger.LogInformation("Pool build {Build} started: {Models} models into {Out}", id, plan.Models.Count,
            request.Out);
        _ = Follow(id, build, PoolBuildSession.DriveAsync(system, region, plan, new Recorder(build), null,
            CancellationToken.None));
        return id;
    }

    private async Task Follow(string id, Build build, Task<PoolBuildOutcome> drive)
    {
        try
        {
            build.Outcome = await drive;
            _logger.LogInformation("Pool build {Build} ended: {Failures} failed models", id,
                build.Outcome.Failures.Count);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Pool build {Build} stopped", id);
            build.Outcome = new PoolBuildOutcome(null, [], [], ex.Message, build.Models.Count);
        }

        // A node that is shutting down has not finished the build: leave it running in the ledger, to be taken up
        // again at the next start.
        if (build.Outcome.Manifest is null && drive.IsFaulted
            && drive.Exception?.InnerException is InvalidOperationException)
        {
            return;
        }

        try
        {
            Persist(build.Entry(id));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError(ex, "Pool build {Build}: its end could not be recorded in {Ledger}", id,
                _ledger.Directory);
        }
    }

    private void Persist(PoolBuildEntry entry) => _ledger.Write(entry);

    private void DeleteStaging(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Pool build staging folder {Staging} could not be deleted: {Reason}", staging,
                ex.Message);
        }
    }

    /// <summary>The ledger folder of a node with <paramref name="options"/>.</summary>
    public static string LedgerFolder(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string host = options.PublicHost ?? options.Host;
        string name = new([.. $"{host}-{options.Port}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'
            ? c : '_')]);
        return Path.Combine(Path.GetFullPath(options.DataDir), "pool-builds", name);
    }

    private static string OneLine(Exception ex) => ex.Message.ReplaceLineEndings(" ");

    private sealed class Build(PoolBuildRequest request, string staging, DateTime started)
    {
        private volatile PoolBuildOutcome? _outcome;
        private PoolBuildStatus? _ended;

        public ConcurrentDictionary<int, ModelProgress> Models { get; } = new();

        public PoolBuildOutcome? Outcome
        {
            get => _outcome;
            set => _outcome = value;
        }

        public static Build Ended(PoolBuildEntry entry) =>
            new(entry.Request, entry.StagingDir, entry.Started) { _ended = entry.Status };

        public PoolBuildEntry Entry(string id) => new(request, staging, started, Status(id));

        public PoolBuildStatus Status(string id)
        {
            if (_ended is { } ended)
            {
                return ended;
            }

            var outcome = _outcome;
            var manifest = outcome?.Manifest;
            string state = outcome is null ? "running" : manifest is not null ? "completed" : "failed";
            return new PoolBuildStatus(id, state, request.Out, [.. Models.Values.OrderBy(m => m.Index)],
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
