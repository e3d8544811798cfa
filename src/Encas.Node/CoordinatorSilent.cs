namespace Encas.Node;

/// <summary>The coordinator did not answer a management request in time (answered with 503).</summary>
internal sealed record CoordinatorSilent
{
    /// <summary>The one instance.</summary>
    public static CoordinatorSilent Instance { get; } = new();
}
