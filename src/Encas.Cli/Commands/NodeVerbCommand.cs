using System.CommandLine;

namespace Encas.Cli.Commands;

/// <summary>A verb that runs a cluster node until it is stopped (<c>seed</c>, <c>gpu-node</c>, <c>search-node</c>,
/// <c>local</c>): its host handles SIGTERM with Akka's coordinated shutdown, so the runner leaves signals to it.
/// </summary>
internal sealed class NodeVerbCommand(string name, string description) : Command(name, description);
