namespace Encas.Core.Pools;

/// <summary>The two splits every pool holds: the search split and the held-out test split.</summary>
public static class PoolSplits
{
    /// <summary>The validation ("search") split: cascades are searched on it.</summary>
    public const string Val = "val";

    /// <summary>The test split: found cascades are re-evaluated on it.</summary>
    public const string Test = "test";

    /// <summary>Both splits, in the order they are stored and reported.</summary>
    public static IReadOnlyList<string> All { get; } = [Val, Test];
}
