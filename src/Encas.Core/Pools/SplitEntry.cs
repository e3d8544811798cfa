namespace Encas.Core.Pools;

/// <summary>One split of a pool in the manifest: its sample count and its labels file.</summary>
/// <param name="Samples">Number of samples (rows of every output file of the split).</param>
/// <param name="Labels">The int32 labels file.</param>
public sealed record SplitEntry(int Samples, StoredFile Labels);
