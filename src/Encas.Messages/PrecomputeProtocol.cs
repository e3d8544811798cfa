namespace Encas.Messages;

// The precompute protocol: a pool build's driver asks one sharded entity per (build, model) on role "gpu" to run
// that model over the val and test splits and write its half files into the build's staging folder. The command
// carries everything the entity needs, so any gpu node can do it again from scratch with the same files.
// Progress goes to the sender while the model runs; the command ends with exactly one PrecomputeDone or
// PrecomputeFailed per delivery.

/// <summary>Run one model of one pool build; sharded by <see cref="EntityId"/>.</summary>
/// <param name="BuildId">The pool build (unique per build, safe in an actor name).</param>
/// <param name="ModelIndex">The model's index in pool order; its files are <c>outputs/{split}/{index:D5}.f16</c>.
/// </param>
/// <param name="Model">The model and how to run it.</param>
public sealed record PrecomputeModel(string BuildId, int ModelIndex, PrecomputeSpec Model) : IEncasMessage
{
    /// <summary>The sharding entity id, <c>{BuildId}.m{ModelIndex}</c>.</summary>
    public string EntityId => $"{BuildId}.m{ModelIndex}";
}

/// <summary>What a precompute entity needs; paths must be readable (and the staging folder writable) on every gpu
/// node.</summary>
/// <param name="Name">The model's name (its file name without <c>.onnx</c>).</param>
/// <param name="ModelPath">The <c>.onnx</c> file.</param>
/// <param name="DataDir">The dataset folder with the val and test splits.</param>
/// <param name="StagingDir">The build's staging folder the output files go into.</param>
/// <param name="Device"><c>auto</c>, <c>cuda</c> or <c>cpu</c>.</param>
/// <param name="BatchSize">Samples per inference batch.</param>
/// <param name="DeclaredOutput"><c>logits</c> or <c>probabilities</c> when models.json states it; null decides
/// from the first batch.</param>
/// <param name="Mflops">MFLOPs per sample recorded for the model.</param>
/// <param name="Macs">MACs per sample when known as an integer.</param>
/// <param name="ComputeSource"><c>graph</c> or <c>models.json</c>.</param>
/// <param name="SampleLimit">Use only the first this many samples of each split; null uses all.</param>
public sealed record PrecomputeSpec(
    string Name,
    string ModelPath,
    string DataDir,
    string StagingDir,
    string Device,
    int BatchSize,
    string? DeclaredOutput,
    double Mflops,
    long? Macs,
    string ComputeSource,
    int? SampleLimit);

/// <summary>One output file a precompute entity wrote.</summary>
/// <param name="Split"><c>val</c> or <c>test</c>.</param>
/// <param name="Path">The file, relative to the staging (pool) folder, forward slashes.</param>
/// <param name="Bytes">Its length.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole file.</param>
/// <param name="Rows">Samples.</param>
/// <param name="Classes">Classes.</param>
/// <param name="Accuracy">Top-1 accuracy in % on the split.</param>
public sealed record PrecomputedSplit(string Split, string Path, long Bytes, string Sha256, int Rows, int Classes,
    double Accuracy);

/// <summary>The model ran and both files are written.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="ModelIndex">The model's index in pool order.</param>
/// <param name="Splits">The files, in split order (val, test).</param>
/// <param name="Provider">The ONNX Runtime execution provider that ran it.</param>
/// <param name="Output"><c>logits</c> or <c>probabilities</c>.</param>
/// <param name="OutputSource"><c>first batch</c> when detected, <c>models.json</c> when declared.</param>
/// <param name="ImagesPerSecond">Samples per second over both splits.</param>
/// <param name="Node">The address of the node that ran it.</param>
public sealed record PrecomputeDone(string BuildId, int ModelIndex, IReadOnlyList<PrecomputedSplit> Splits,
    string Provider, string Output, string OutputSource, double ImagesPerSecond, string Node) : IEncasMessage;

/// <summary>The model could not be precomputed.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="ModelIndex">The model's index in pool order.</param>
/// <param name="Reason">One line naming the model file (or the data file) and what is wrong.</param>
/// <param name="Retryable">False when a retry cannot help (bad model, bad data, wrong shape).</param>
/// <param name="Node">The address of the node that tried.</param>
public sealed record PrecomputeFailed(string BuildId, int ModelIndex, string Reason, bool Retryable, string Node)
    : IEncasMessage;

/// <summary>Progress of a running model, sent to the requester after each batch.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="ModelIndex">The model's index in pool order.</param>
/// <param name="Split"><c>val</c> or <c>test</c>.</param>
/// <param name="Done">Samples of the split done.</param>
/// <param name="Total">Samples in the split.</param>
/// <param name="Node">The address of the node running it.</param>
public sealed record PrecomputeProgress(string BuildId, int ModelIndex, string Split, int Done, int Total,
    string Node) : IEncasMessage;
