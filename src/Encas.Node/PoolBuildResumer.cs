using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Encas.Node;

/// <summary>At node start, once the precompute region (or its proxy) is up, takes up the pool builds the node was
/// driving when it last stopped (<see cref="PoolBuildRegistry.ResumeInterrupted"/>). Registered after the actor
/// system's own hosted service, so it starts after it; it never delays the node's start.</summary>
internal sealed class PoolBuildResumer(IServiceProvider services, ILogger<PoolBuildResumer> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var builds = services.GetRequiredService<PoolBuildRegistry>();
        if (builds.Interrupted.Count == 0)
        {
            return Task.CompletedTask;
        }

        var system = services.GetRequiredService<ActorSystem>();
        var region = services.GetRequiredService<IRequiredActor<PrecomputeRegionKey>>();
        _ = Task.Run(async () =>
        {
            try
            {
                var actor = await region.GetAsync(_stopping.Token);
                int resumed = builds.ResumeInterrupted(system, actor);
                logger.LogInformation("{Resumed} interrupted pool builds taken up again", resumed);
            }
            catch (OperationCanceledException)
            {
                // The node stopped first; the builds stay interrupted in the ledger for the next start.
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Interrupted pool builds could not be taken up again");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }
}
