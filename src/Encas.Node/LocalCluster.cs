using Akka.Actor;
using Akka.Hosting;
using Encas.Messages;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>
/// The embedded default: one experiment through the whole cluster machinery inside this process — a node with all
/// three roles on a loopback port of its own, the coordinator on an SQLite journal in a private data folder,
/// islands as sharded entities — so that <c>encas search</c> and a multi-node cluster run the same code.
/// </summary>
public static class LocalCluster
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="spec"/> to its end and returns its final status.</summary>
    /// <param name="spec">The experiment; its report goes to <see cref="ExperimentSpec.OutDir"/>.</param>
    /// <param name="progress">Receives the status after every poll; may be null.</param>
    /// <param name="cancel">Cancels the experiment; nothing half-made is left at the report folder.</param>
    /// <param name="logging">Where the node logs; by default warnings and errors, on standard error.</param>
    /// <param name="maxConcurrentRuns">Runs driven at once; 0 = all of them.</param>
    public static async Task<ExperimentStatus> RunAsync(ExperimentSpec spec, IProgress<ExperimentStatus>? progress,
        CancellationToken cancel, Action<ILoggingBuilder>? logging = null, int maxConcurrentRuns = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string data = EmbeddedNode.NewDataFolder("local");
        var options = new NodeOptions
        {
            Roles = NodeRole.All,
            Port = 0,
            ManagementPort = -1,
            DataDir = data,
            MaxConcurrentRuns = maxConcurrentRuns,

            // One process: no node can be lost, so a re-send could only queue a cached answer behind a long epoch.
            IslandRetry = TimeSpan.FromMinutes(10),
        };
        logging ??= EmbeddedNode.DefaultLogging;
        var app = EncasNode.Build(options, logging, embedded: true);
        try
        {
            await app.StartAsync(cancel);
            var coordinator = await app.Services.GetRequiredService<IRequiredActor<CoordinatorKey>>().GetAsync(cancel);
            var answer = await coordinator.Ask<object>(new SubmitExperiment(spec), AskTimeout, cancel);
            if (answer is ExperimentRejected rejected)
            {
                throw new ArgumentException(rejected.Reason);
            }

            return await Follow(coordinator, spec.ExperimentId, progress, cancel);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            EmbeddedNode.TryDelete(data);
        }
    }

    private static async Task<ExperimentStatus> Follow(IActorRef coordinator, string id,
        IProgress<ExperimentStatus>? progress, CancellationToken cancel)
    {
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                await CancelQuietly(coordinator, id);
                cancel.ThrowIfCancellationRequested();
            }

            var status = await coordinator.Ask<ExperimentStatus>(new GetExperiment(id), AskTimeout, cancel);
            progress?.Report(status);
            if (status.State is "completed" or "failed" or "cancelled")
            {
                return status;
            }

            try
            {
                await Task.Delay(Poll, cancel);
            }
            catch (OperationCanceledException)
            {
                // Loop once more to cancel the experiment before giving up.
            }
        }
    }

    // Best effort: the node is stopped right after, and its journal is thrown away with it.
    private static async Task CancelQuietly(IActorRef coordinator, string id)
    {
        try
        {
            await coordinator.Ask<object>(new CancelExperiment(id), AskTimeout, CancellationToken.None);
        }
        catch (AskTimeoutException)
        {
        }
    }
}
