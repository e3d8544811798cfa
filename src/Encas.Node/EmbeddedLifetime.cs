using Microsoft.Extensions.Hosting;

namespace Encas.Node;

/// <summary>
/// The host lifetime of a node embedded in a command (<see cref="LocalCluster"/>): it leaves Ctrl+C and SIGTERM to
/// the command, which cancels its experiment first and then stops the node, instead of the console lifetime
/// stopping the node underneath the command.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
