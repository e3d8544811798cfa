using Encas.Inference.Runtime;

namespace Encas.Inference.Building;

/// <summary>What <see cref="PoolBuilder"/> builds, from what, and how.</summary>
/// <param name="Models">Folder of <c>.onnx</c> files.</param>
/// <param name="Data">Folder with the val and test splits (see <see cref="Data.DatasetLoader"/>).</param>
/// <param name="Output">The pool folder to create.</param>
/// <param name="Device">Where the models run.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Replace">Whether an existing pool at <paramref name="Output"/> may be replaced.</param>
/// <param name="ModelsJson">The overrides file; null means <c>Models/models.json</c> when it exists.</param>
/// <param name="MaxAttempts">Attempts per model before it counts as failed; input and output errors that a
/// retry cannot change fail at once.</param>
/// <param name="SampleLimit">Use only the first this many samples of each split (null: all).</param>
/// <param name="Threads">CPU threads per session; 0 lets ONNX Runtime choose.</param>
public sealed record PoolBuildOptions(
    string Models,
    string Data,
    string Output,
    DeviceChoice Device = DeviceChoice.Auto,
    int BatchSize = 256,
    bool Replace = false,
    string? ModelsJson = null,
    int MaxAttempts = 2,
    int? SampleLimit = null,
    int Threads = 0);
