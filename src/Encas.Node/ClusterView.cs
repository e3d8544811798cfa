using Akka.Actor;

namespace Encas.Node;

/// <summary>What one node sees of the cluster: members with roles, status and version; leader; unreachable.</summary>
/// <param name="Self">This node's address.</param>
/// <param name="Members">Every member, by address.</param>
/// <param name="Leader">The leader's address, if any.</param>
/// <param name="Unreachable">Addresses this node's failure detector marks unreachable.</param>
public sealed record ClusterView(string Self, IReadOnlyList<ClusterView.Member> Members, string? Leader,
    IReadOnlyList<string> Unreachable)
{
    /// <summary>The view of <paramref name="system"/>'s cluster.</summary>
    public static ClusterView Of(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address.ToString()).Order(StringComparer.Ordinal).ToList();
        var members = state.Members
            .Select(m => new Member(m.Address.ToString(), m.Roles.Order(StringComparer.Ordinal).ToList(),
                m.Status.ToString().ToLowerInvariant(), m.AppVersion.ToString(),
                unreachable.Contains(m.Address.ToString())))
            .OrderBy(m => m.Address, StringComparer.Ordinal)
            .ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), members, state.Leader?.ToString(), unreachable);
    }

    /// <summary>One member.</summary>
    /// <param name="Address">Its address.</param>
    /// <param name="Roles">Its roles.</param>
    /// <param name="Status">up, joining, leaving, exiting, down, removed, weaklyup.</param>
    /// <param name="Version">Its application version.</param>
    /// <param name="Unreachable">Whether this node sees it unreachable.</param>
    public sealed record Member(string Address, IReadOnlyList<string> Roles, string Status, string Version,
        bool Unreachable);
}
