namespace Encas.Core.Pools;

/// <summary>One pool model in the manifest.</summary>
/// <param name="Name">The model's name, unique in the pool.</param>
/// <param name="Mflops">Compute per sample in MFLOPs (multiply-accumulates / 1e6), by split.</param>
/// <param name="Accuracy">Top-1 accuracy in % on each split, computed from the stored outputs.</param>
/// <param name="Outputs">The half-precision output file of each split.</param>
public sealed record ModelEntry(
    string Name,
    IReadOnlyDictionary<string, double> Mflops,
    IReadOnlyDictionary<string, double> Accuracy,
    IReadOnlyDictionary<string, StoredFile> Outputs);
