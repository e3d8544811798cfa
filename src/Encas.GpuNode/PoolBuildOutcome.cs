using Encas.Core.Pools;
using Encas.Inference.Building;

namespace Encas.GpuNode;

/// <summary>How a sharded pool build ended.</summary>
/// <param name="Manifest">The published pool's manifest, or null when nothing was published.</param>
/// <param name="Records">How each model was run, in pool order (empty when nothing was published).</param>
/// <param name="Failures">Every failed model, in pool order (models the catalog rejected first).</param>
/// <param name="DataError">A failure of the data rather than of a model (a labels file named), or null.</param>
/// <param name="Models">Models in the build, rejected ones included.</param>
public sealed record PoolBuildOutcome(PoolManifest? Manifest, IReadOnlyList<ModelBuildRecord> Records,
    IReadOnlyList<ModelFailure> Failures, string? DataError, int Models);
