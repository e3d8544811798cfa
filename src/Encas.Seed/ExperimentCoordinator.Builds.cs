using Akka.Actor;
using Akka.Event;
using Encas.Core.Pools;
using Encas.GpuNode;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Messages;

namespace Encas.Seed;

// Experiments that name models and data instead of a pool: the pool is built on the gpu nodes first. Whether it
// is built is a fact of the file system, not of the journal: the pool is published by one rename, so its
// pool.json exists only when it is whole. A coordinator restarted during the build therefore simply builds again.
public sealed partial class ExperimentCoordinator
{
    private readonly Dictionary<string, CancellationTokenSource> _builds = new(StringComparer.Ordinal);

    private static bool NeedsBuild(ExperimentRecord record) => record.Spec.Build is not null
        && record.Phase == ExperimentPhase.Running && record.Runs.All(r => r.Last is null)
        && !File.Exists(Path.Combine(record.Spec.PoolPath, PoolManifest.FileName));

    private void StartBuild(ExperimentRecord record)
    {
        if (_builds.ContainsKey(record.Id))
        {
            return;
        }

        if (_precompute is null)
        {
            Fail(record.Id, "the pool must be built, but this coordinator has no precompute region");
            return;
        }

        var build = record.Spec.Build!;
        var options = new PoolBuildOptions(build.Models, build.Data, record.Spec.PoolPath,
            Enum.Parse<DeviceChoice>(build.Device, ignoreCase: true), build.BatchSize, SampleLimit: build.SampleLimit);
        var cancel = new CancellationTokenSource();
        _builds[record.Id] = cancel;
        string id = record.Id;
        var system = Context.System;
        var region = _precompute;
        _log.Info("Experiment {ExperimentId}: building pool {Pool} from {Models} on the gpu nodes", id,
            options.Output, options.Models);
        Task.Run(async () =>
        {
            // Reading the catalog and the labels takes a while: off the actor thread.
            var (plan, _) = PoolBuildPlan.Create(options);
            var outcome = await PoolBuildSession.DriveAsync(system, region, plan, null, null, cancel.Token);
            return outcome.Manifest is not null ? null
                : outcome.DataError ?? string.Join("; ", outcome.Failures.Select(f => $"{f.Name}: {f.Reason}"));
        }).PipeTo(Self, success: error => new PoolBuildEnded(id, error),
            failure: ex => new PoolBuildEnded(id, OneLine(ex)));
    }

    private void OnPoolBuildEnded(PoolBuildEnded ended)
    {
        if (!_builds.Remove(ended.ExperimentId, out var cancel))
        {
            return;
        }

        cancel.Dispose();
        var record = _state.Find(ended.ExperimentId);
        if (record is not { IsActive: true })
        {
            return;
        }

        if (ended.Error is { } error)
        {
            Fail(record.Id, $"pool build: {error}");
            return;
        }

        _log.Info("Experiment {ExperimentId}: pool {Pool} built", record.Id, record.Spec.PoolPath);
        Resume(record);
        FillSlots();
    }

    private void StopBuild(string experimentId)
    {
        if (_builds.Remove(experimentId, out var cancel))
        {
            cancel.Cancel();
            cancel.Dispose();
        }
    }
}
