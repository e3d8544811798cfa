namespace Encas.Messages;

/// <summary>The cluster role names every node agrees on.</summary>
public static class EncasRoles
{
    /// <summary>The seed role: cluster seed, experiment coordinator and operator endpoint.</summary>
    public const string Seed = "seed";

    /// <summary>The gpu role: sharded pool precomputation with ONNX Runtime.</summary>
    public const string Gpu = "gpu";

    /// <summary>The search role: sharded island MO-GOMEA populations.</summary>
    public const string Search = "search";
}
