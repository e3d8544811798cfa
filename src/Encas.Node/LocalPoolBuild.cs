using Akka.Actor;
using Akka.Hosting;
using Encas.GpuNode;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>
/// <c>encas pool build</c> through the cluster machinery inside this process: a node with the seed and gpu roles
/// on a loopback port of its own, one sharded precompute entity per model, a <see cref="PoolBuildDriver"/> that
/// assembles and publishes the pool, so that the in-process build and a multi-node build run the same code.
/// </summary>
public static class LocalPoolBuild
{
    /// <summary>Builds the pool of <paramref name="options"/>.</summary>
    /// <param name="options">Inputs, output and settings (as for <see cref="PoolBuilder"/>).</param>
    /// <param name="progress">Receives every model's moves; may be null.</param>
    /// <param name="cancel">Cancels the build; nothing is left at the output path.</param>
    /// <param name="logging">Where the node logs; by default warnings and errors go to standard error.</param>
    /// <param name="settings">The driver's timing; null uses the defaults.</param>
    /// <exception cref="PoolBuildException">One or more models failed; nothing was published.</exception>
    /// <exception cref="InvalidDataException">The data are unreadable or inconsistent (file named).</exception>
    public static async Task<PoolBuildOutcome> RunAsync(PoolBuildOptions options, IProgress<ModelProgress>? progress,
        CancellationToken cancel, Action<ILoggingBuilder>? logging = null, PoolBuildDriverSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (plan, splits) = PoolBuildPlan.Create(options);
        try
        {
            RequireCuda(options, plan);
        }
        catch
        {
            plan.Dispose();
            throw;
        }

        string data = EmbeddedNode.NewDataFolder("pool-build");
        var nodeOptions = new NodeOptions
        {
            Roles = NodeRole.Seed | NodeRole.Gpu,
            Port = 0,
            ManagementPort = -1,
            DataDir = data,
        };
        logging ??= EmbeddedNode.DefaultLogging;
        WebApplication? app = null;
        try
        {
            app = EncasNode.Build(nodeOptions, logging, embedded: true);
            app.Services.GetRequiredService<GpuResources>().Remember(options.Data, options.SampleLimit, splits);
            await app.StartAsync(cancel);
            var region = await app.Services.GetRequiredService<IRequiredActor<PrecomputeRegionKey>>().GetAsync(cancel);
            var system = app.Services.GetRequiredService<ActorSystem>();
            var session = PoolBuildSession.RunAsync(system, region, plan, progress, settings, cancel);
            plan = null;
            return await session;
        }
        finally
        {
            plan?.Dispose();
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            EmbeddedNode.TryDelete(data);
        }
    }

    // --device cuda without a loadable CUDA provider is a usage error for the whole build, not one failure per
    // model: find out before any model is sent.
    private static void RequireCuda(PoolBuildOptions options, PoolBuildPlan plan)
    {
        if (options.Device != DeviceChoice.Cuda || plan.Models.Count == 0)
        {
            return;
        }

        try
        {
            using var probe = new OnnxSessionFactory(DeviceChoice.Cuda).Open(plan.Command(0).Model.ModelPath).Session;
        }
        catch (InvalidDataException)
        {
            // A model that does not load fails on its own, with its name, like every other model.
        }
    }
}
