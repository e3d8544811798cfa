namespace Encas.Node;

/// <summary>The body of <c>POST /api/pool-builds</c>: what <c>encas pool build --cluster</c> asks a node to build.
/// </summary>
/// <param name="Models">The models folder, as the node sees it (a shared volume).</param>
/// <param name="Data">The data folder, as the node sees it.</param>
/// <param name="Out">The pool folder to create, as the node sees it.</param>
/// <param name="Device"><c>auto</c>, <c>cuda</c> or <c>cpu</c>.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Force">Whether an existing pool may be replaced.</param>
/// <param name="ModelsJson">The overrides file, or null for <c>Models/models.json</c>.</param>
/// <param name="Limit">Use only the first this many samples of each split; null uses all.</param>
public sealed record PoolBuildRequest(string Models, string Data, string Out, string Device = "auto",
    int BatchSize = 256, bool Force = false, string? ModelsJson = null, int? Limit = null);
