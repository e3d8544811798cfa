namespace Encas.Node;

/// <summary>Which roles a node process holds (<c>encas local</c> holds all three).</summary>
[Flags]
public enum NodeRole
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>The seed: coordinator singleton and operator endpoint.</summary>
    Seed = 1,

    /// <summary>Pool precomputation.</summary>
    Gpu = 2,

    /// <summary>Island MO-GOMEA populations.</summary>
    Search = 4,

    /// <summary>All three, as <c>encas local</c>.</summary>
    All = Seed | Gpu | Search,
}
