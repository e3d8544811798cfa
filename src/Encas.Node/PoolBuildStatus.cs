using Encas.GpuNode;
using Encas.Inference.Building;

namespace Encas.Node;

/// <summary>A pool build a node drives, as <c>GET /api/pool-builds/{id}</c> reports it.</summary>
/// <param name="Id">The build id.</param>
/// <param name="State"><c>running</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="Out">The pool folder.</param>
/// <param name="Models">Every model's progress, in pool order.</param>
/// <param name="Failures">The failed models, when it failed for them.</param>
/// <param name="Error">A data or publishing error, when it failed for one.</param>
/// <param name="Classes">Classes of the published pool (0 until then).</param>
/// <param name="Samples">Samples per split of the published pool (empty until then).</param>
/// <param name="Providers">The execution providers that ran the models (empty until then).</param>
public sealed record PoolBuildStatus(string Id, string State, string Out, IReadOnlyList<ModelProgress> Models,
    IReadOnlyList<ModelFailure> Failures, string? Error, int Classes, IReadOnlyDictionary<string, int> Samples,
    IReadOnlyList<string> Providers);
