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

                var result = ModelPrecomputer.Store(stage.Path, entries.Count, spec, outputs, splits);
                classes = result.Classes;
                entries.Add(result.Entry);
                records.Add(result.Record);
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

        var manifest = PoolFinisher.Write(stage.Path, splits.ToDictionary(s => s.Key, s => s.Value.Labels), classes,
            entries, records, options.Models, options.Data);
        stage.Publish();
        return (manifest, records);
    }

    private static DatasetSplit Limit(DatasetSplit split, PoolBuildOptions options) =>
        options.SampleLimit is { } n ? split.Take(n) : split;

    // Label errors name a data file: they concern every model, so they end the build at once.
    private static bool IsDataError(InvalidDataException ex, Dictionary<string, DatasetSplit> splits) =>
        splits.Values.Any(s => ex.Message.StartsWith(s.LabelsFile + ":", StringComparison.Ordinal));

    private IReadOnlyDictionary<string, ModelOutputs> RunWithRetries(ModelSpec spec,
        Dictionary<string, DatasetSplit> splits, PoolBuildOptions options, int index, int count,
        Action<BuildProgress>? progress, CancellationToken cancellation)
    {
        var precomputer = new ModelPrecomputer(sessions);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return precomputer.Infer(spec, splits, options.BatchSize,
                    (name, done, total) => progress?.Invoke(new BuildProgress(index, count, spec.Name, name, done,
                        total)), cancellation);
            }
            catch (Exception ex) when (attempt < options.MaxAttempts && ModelPrecomputer.IsRetryable(ex))
            {
                logger?.LogWarning(ex, "Model {Model} attempt {Attempt} failed; retrying", spec.Name, attempt);
            }
            catch (Exception ex) when (ModelPrecomputer.IsRetryable(ex))
            {
                throw new InvalidDataException($"{spec.Path}: failed {attempt} times, last: {ex.Message}", ex);
            }
        }
    }
}
