using System.Text.Json;
using Encas.Core.IO;
using Encas.Core.Pools;
using Encas.Inference.Data;
using Encas.Inference.Runtime;
using Microsoft.Extensions.Logging;

namespace Encas.Inference.Building;

/// <summary>
/// Builds a pool from ONNX models and a dataset, in process and one model after another: every model runs over
/// the val and test splits, its outputs are validated and written as half files into a staging folder, and the
/// pool is published with one rename only when every model succeeded. A failed model does not stop the others,
/// so one run reports every failure; then <see cref="PoolBuildException"/> names them all and nothing is left
/// at the output path.
/// </summary>
public sealed class PoolBuilder(OnnxSessionFactory sessions, ILogger? logger = null)
{
    /// <summary>The file next to <c>pool.json</c> that records how each model was run.</summary>
    public const string BuildRecordFile = "build.json";

    private static readonly JsonSerializerOptions RecordJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Builds the pool.</summary>
    /// <param name="options">Inputs, output and settings.</param>
    /// <param name="progress">Receives per-batch progress; may be null.</param>
    /// <param name="cancellation">Checked between batches; cancelling leaves nothing behind.</param>
    /// <returns>The manifest and how each model was run, in pool order.</returns>
    /// <exception cref="PoolBuildException">One or more models failed; nothing was published.</exception>
    /// <exception cref="InvalidDataException">The data are unreadable or inconsistent (file named).</exception>
    public (PoolManifest Manifest, IReadOnlyList<ModelBuildRecord> Records) Build(PoolBuildOptions options,
        Action<BuildProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        var splits = PoolSplits.All.ToDictionary(s => s, s => Limit(DatasetLoader.Load(options.Data, s), options));
        var (models, failures) = ModelCatalog.Read(options.Models, options.ModelsJson);
        var failed = new List<ModelFailure>(failures);
        using var stage = new StagedDirectory(options.Output, options.Replace);
        var entries = new List<ModelEntry>();
        var records = new List<ModelBuildRecord>();
        int classes = 0;
        for (int m = 0; m < models.Count; m++)
        {
            var spec = models[m];
            try
            {
                var outputs = RunWithRetries(spec, splits, options, m, models.Count, progress, cancellation);
                int got = outputs[PoolSplits.Val].Classes;
                if (classes > 0 && got != classes)
                {
                    throw new InvalidDataException(
                        $"{spec.Path}: outputs {got} classes, the models before it output {classes}");
                }

                if (classes == 0)
                {
                    classes = got;
                    foreach (var split in splits.Values)
                    {
                        OutputValidator.ValidateLabels(split.Labels, classes, split.LabelsFile);
                    }
                }

                var (entry, record) = Store(stage.Path, entries.Count, spec, outputs, splits);
                entries.Add(entry);
                records.Add(record);
            }
            catch (InvalidDataException ex) when (!IsDataError(ex, splits))
            {
                logger?.LogWarning("Model {Model} failed: {Reason}", spec.Name, ex.Message);
                failed.Add(new ModelFailure(spec.Name, ex.Message));
            }
        }

        if (failed.Count > 0)
        {
            throw new PoolBuildException(failed, models.Count + failures.Count);
        }

        var splitEntries = splits.ToDictionary(s => s.Key,
            s => new SplitEntry(s.Value.Samples,
                PoolBinaryFile.WriteLabels(stage.Path, $"labels/{s.Key}.i32", s.Value.Labels)));
        var manifest = new PoolManifest(PoolManifest.FormatName, PoolManifest.CurrentVersion, classes, splitEntries,
            entries, $"encas pool build --models {Path.GetFullPath(options.Models)} --data "
            + Path.GetFullPath(options.Data));
        AtomicFile.WriteAllText(Path.Combine(stage.Path, BuildRecordFile),
            JsonSerializer.Serialize(records, RecordJson));
        AtomicFile.WriteAllText(Path.Combine(stage.Path, PoolManifest.FileName), manifest.ToJson());
        stage.Publish();
        return (manifest, records);
    }

    private static DatasetSplit Limit(DatasetSplit split, PoolBuildOptions options) =>
        options.SampleLimit is { } n ? split.Take(n) : split;

    // Label errors name a data file: they concern every model, so they end the build at once.
    private static bool IsDataError(InvalidDataException ex, Dictionary<string, DatasetSplit> splits) =>
        splits.Values.Any(s => ex.Message.StartsWith(s.LabelsFile + ":", StringComparison.Ordinal));

    private Dictionary<string, ModelOutputs> RunWithRetries(ModelSpec spec, Dictionary<string, DatasetSplit> splits,
        PoolBuildOptions options, int index, int count, Action<BuildProgress>? progress, CancellationToken cancellation)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var runner = new OnnxModelRunner(spec.Path, sessions, options.BatchSize, spec.DeclaredOutput);
                var outputs = new Dictionary<string, ModelOutputs>();
                foreach (var (name, split) in splits)
                {
                    outputs[name] = runner.Run(split,
                        done => progress?.Invoke(new BuildProgress(index, count, spec.Name, name, done, split.Samples)),
                        cancellation);
                }

                return outputs;
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && IsTransient(ex))
            {
                logger?.LogWarning(ex, "Model {Model} attempt {Attempt} failed; retrying", spec.Name, attempt);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                throw new InvalidDataException($"{spec.Path}: failed {attempt} times, last: {ex.Message}", ex);
            }
        }
    }

    // Bad inputs or outputs stay bad on a retry; anything else (I/O, memory, a device hiccup) may not.
    private static bool IsTransient(Exception ex) =>
        ex is not (InvalidDataException or OperationCanceledException or ArgumentException or NotSupportedException);

    private static (ModelEntry, ModelBuildRecord) Store(string pool, int index, ModelSpec spec,
        Dictionary<string, ModelOutputs> outputs, Dictionary<string, DatasetSplit> splits)
    {
        var files = new Dictionary<string, StoredFile>();
        var accuracy = new Dictionary<string, double>();
        foreach (var (name, output) in outputs)
        {
            string where = $"{spec.Path} ({name} split)";
            OutputValidator.Validate(output.Values, output.Classes, where, OutputValidator.DefaultSumTolerance);
            accuracy[name] = OutputValidator.Accuracy(output.Values, output.Classes, splits[name].Labels);
            files[name] = PoolBinaryFile.WriteOutputs(pool, $"outputs/{name}/{index:D5}.f16", output.Values,
                output.Rows, output.Classes);
        }

        var first = outputs[PoolSplits.Val];
        double seconds = outputs.Values.Sum(o => o.Elapsed.TotalSeconds);
        var record = new ModelBuildRecord(spec.Name, Path.GetFileName(spec.Path), spec.Macs, spec.Mflops,
            spec.ComputeSource, first.Kind == OutputKind.Logits ? "logits" : "probabilities",
            first.Detected ? "first batch" : "models.json", first.Provider,
            seconds > 0 ? outputs.Values.Sum(o => o.Rows) / seconds : 0);
        var mflops = PoolSplits.All.ToDictionary(s => s, _ => spec.Mflops);
        return (new ModelEntry(spec.Name, mflops, accuracy, files), record);
    }
}
