using Encas.Core.IO;
using Encas.Core.Pools;
using Encas.Inference.Data;
using Encas.Inference.Runtime;

namespace Encas.Inference.Building;

/// <summary>
/// The work of one pool model, shared by the in-process <see cref="PoolBuilder"/> and the sharded precompute
/// entity of a gpu node: run the model over both splits, check the labels against its class count and its outputs
/// against the stored-output rules, compute the accuracy per split, and write the two half files atomically with
/// their SHA-256.
/// </summary>
/// <remarks>The same model, data and batch size give byte-identical files on every node of one platform, so any
/// node may redo a model. Not thread-safe per call; the session factory is.</remarks>
public sealed class ModelPrecomputer(OnnxSessionFactory sessions)
{
    /// <summary>The output file of model <paramref name="index"/> (pool order) on <paramref name="split"/>,
    /// relative to the pool folder.</summary>
    public static string OutputPath(string split, int index) => $"outputs/{split}/{index:D5}.f16";

    /// <summary>Runs and stores one model.</summary>
    /// <param name="spec">The model.</param>
    /// <param name="index">Its index in pool order.</param>
    /// <param name="splits">The val and test splits.</param>
    /// <param name="poolDir">The (staging) pool folder to write into.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="progress">Receives (split, done, total) after each batch; may be null.</param>
    /// <param name="cancellation">Checked between batches.</param>
    /// <exception cref="InvalidDataException">The model, its inputs, its outputs or the labels are wrong; the
    /// message names the model file (or the labels file).</exception>
    public ModelResult Run(ModelSpec spec, int index, IReadOnlyDictionary<string, DatasetSplit> splits,
        string poolDir, int batchSize, Action<string, int, int>? progress, CancellationToken cancellation) =>
        Store(poolDir, index, spec, Infer(spec, splits, batchSize, progress, cancellation), splits);

    /// <summary>Runs the model over both splits, in split order, on one session.</summary>
    /// <exception cref="InvalidDataException">The model cannot be loaded or does not fit the data; the message
    /// names the model file.</exception>
    public IReadOnlyDictionary<string, ModelOutputs> Infer(ModelSpec spec,
        IReadOnlyDictionary<string, DatasetSplit> splits, int batchSize, Action<string, int, int>? progress,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(splits);
        using var runner = new OnnxModelRunner(spec.Path, sessions, batchSize, spec.DeclaredOutput);
        var outputs = new Dictionary<string, ModelOutputs>();
        foreach (string name in PoolSplits.All)
        {
            var split = splits[name];
            outputs[name] = runner.Run(split, done => progress?.Invoke(name, done, split.Samples), cancellation);
        }

        return outputs;
    }

    /// <summary>Validates labels and outputs, computes accuracy and writes the half files of one model.</summary>
    /// <exception cref="InvalidDataException">A label is out of range (the labels file is named) or an output row
    /// is not a probability vector (the model file and split are named).</exception>
    public static ModelResult Store(string poolDir, int index, ModelSpec spec,
        IReadOnlyDictionary<string, ModelOutputs> outputs, IReadOnlyDictionary<string, DatasetSplit> splits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(splits);
        int classes = outputs[PoolSplits.Val].Classes;
        foreach (string name in PoolSplits.All)
        {
            OutputValidator.ValidateLabels(splits[name].Labels, classes, splits[name].LabelsFile);
        }

        var files = new Dictionary<string, StoredFile>();
        var accuracy = new Dictionary<string, double>();
        foreach (string name in PoolSplits.All)
        {
            var output = outputs[name];
            OutputValidator.Validate(output.Values, output.Classes, $"{spec.Path} ({name} split)",
                OutputValidator.DefaultSumTolerance);
            accuracy[name] = OutputValidator.Accuracy(output.Values, output.Classes, splits[name].Labels);

            // A writer killed between creating its temporary file and renaming it leaves the file behind; the
            // model's one writer removes them before it writes again.
            string relative = OutputPath(name, index);
            AtomicFile.DeleteLeftovers(Path.Combine(poolDir, relative));
            files[name] = PoolBinaryFile.WriteOutputs(poolDir, relative, output.Values, output.Rows, output.Classes);
        }

        var first = outputs[PoolSplits.Val];
        double seconds = outputs.Values.Sum(o => o.Elapsed.TotalSeconds);
        var record = new ModelBuildRecord(spec.Name, Path.GetFileName(spec.Path), spec.Macs, spec.Mflops,
            spec.ComputeSource, first.Kind == OutputKind.Logits ? "logits" : "probabilities",
            first.Detected ? "first batch" : "models.json", first.Provider,
            seconds > 0 ? outputs.Values.Sum(o => o.Rows) / seconds : 0);
        var mflops = PoolSplits.All.ToDictionary(s => s, _ => spec.Mflops);
        return new ModelResult(new ModelEntry(spec.Name, mflops, accuracy, files), record, classes);
    }

    /// <summary>Whether a retry may help: bad inputs, models and outputs stay bad; anything else (I/O, memory, a
    /// device hiccup) may not.</summary>
    public static bool IsRetryable(Exception ex) =>
        ex is not (InvalidDataException or OperationCanceledException or ArgumentException or NotSupportedException);
}
