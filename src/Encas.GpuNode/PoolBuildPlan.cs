using Encas.Core.IO;
using Encas.Core.Pools;
using Encas.Inference.Building;
using Encas.Inference.Data;
using Encas.Messages;

namespace Encas.GpuNode;

/// <summary>
/// The pure bookkeeping of a sharded pool build: one <see cref="PrecomputeModel"/> per model, which models are
/// still open and which are due for a re-send, retry decisions, and at the end the manifest assembled from the
/// replies in pool order and the staged pool published, only when every model succeeded; otherwise every failure
/// is reported by model and the staging folder is deleted.
/// </summary>
/// <remarks>Not thread-safe: one driver owns it. Time is passed in, so tests decide it. Disposing an unpublished
/// plan deletes its staging folder.</remarks>
public sealed class PoolBuildPlan : IDisposable
{
    private readonly PoolBuildOptions _options;
    private readonly StagedDirectory _stage;
    private readonly IReadOnlyDictionary<string, int[]> _labels;
    private readonly IReadOnlyList<string> _labelFiles;
    private readonly IReadOnlyList<ModelSpec> _specs;
    private readonly IReadOnlyList<ModelFailure> _rejected;
    private readonly Track[] _tracks;

    /// <summary>A plan over models already listed; creates the staging folder.</summary>
    /// <param name="buildId">The build id (entity ids are <c>{buildId}.m{index}</c>).</param>
    /// <param name="options">Inputs, output and settings.</param>
    /// <param name="models">The models in pool order.</param>
    /// <param name="rejected">Models the catalog could not take (reported as failures).</param>
    /// <param name="splits">The splits, after the sample limit; the plan keeps only their labels.</param>
    /// <exception cref="IOException">The output exists and <see cref="PoolBuildOptions.Replace"/> is false.
    /// </exception>
    public PoolBuildPlan(string buildId, PoolBuildOptions options, IReadOnlyList<ModelSpec> models,
        IReadOnlyList<ModelFailure> rejected, IReadOnlyDictionary<string, DatasetSplit> splits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buildId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(splits);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        BuildId = buildId;
        _options = options;
        _specs = models;
        _rejected = rejected;
        _labels = splits.ToDictionary(s => s.Key, s => s.Value.Labels);
        _labelFiles = [.. splits.Values.Select(s => s.LabelsFile)];
        _stage = new StagedDirectory(options.Output, options.Replace);
        _tracks = [.. models.Select(_ => new Track())];
    }

    /// <summary>The build id.</summary>
    public string BuildId { get; }

    /// <summary>The staging folder the entities write into.</summary>
    public string StagingDir => _stage.Path;

    /// <summary>Whether every model is done or failed for good.</summary>
    public bool IsFinished => _tracks.All(t => t.State is ModelState.Done or ModelState.Failed);

    /// <summary>Every model's progress, in pool order.</summary>
    public IReadOnlyList<ModelProgress> Models => [.. _tracks.Select((_, i) => Progress(i))];

    /// <summary>Loads the data (checking the sample counts), lists the models and creates the staging folder.
    /// </summary>
    /// <param name="options">Inputs, output and settings.</param>
    /// <param name="buildId">The build id; null makes a fresh one.</param>
    /// <returns>The plan and the loaded splits (for a node in this process to reuse).</returns>
    /// <exception cref="InvalidDataException">The data or models.json are unreadable or inconsistent.</exception>
    /// <exception cref="IOException">The output exists and may not be replaced.</exception>
    public static (PoolBuildPlan Plan, IReadOnlyDictionary<string, DatasetSplit> Splits) Create(
        PoolBuildOptions options, string? buildId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var splits = PoolSplits.All.ToDictionary(s => s, s =>
        {
            var split = DatasetLoader.Load(Path.GetFullPath(options.Data), s);
            return options.SampleLimit is { } n ? split.Take(n) : split;
        });
        var (models, rejected) = ModelCatalog.Read(options.Models, options.ModelsJson);
        var plan = new PoolBuildPlan(buildId ?? NewBuildId(options.Output), options, models, rejected, splits);
        return (plan, splits);
    }

    /// <summary>A fresh build id from the pool's folder name: letters, digits and dashes only.</summary>
    public static string NewBuildId(string output)
    {
        string name = Path.GetFileName(Path.GetFullPath(output).TrimEnd('/'));
        string clean = new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(40)]);
        return $"{clean}-{Guid.NewGuid():N}"[..(clean.Length + 13)];
    }

    /// <summary>The command of model <paramref name="index"/>.</summary>
    public PrecomputeModel Command(int index)
    {
        var spec = _specs[index];
        string? declared = spec.DeclaredOutput switch
        {
            null => null,
            Inference.Runtime.OutputKind.Logits => "logits",
            _ => "probabilities",
        };
        return new PrecomputeModel(BuildId, index, new PrecomputeSpec(spec.Name, Path.GetFullPath(spec.Path),
            Path.GetFullPath(_options.Data), StagingDir, _options.Device.ToString().ToLowerInvariant(),
            _options.BatchSize, declared, spec.Mflops, spec.Macs, spec.ComputeSource, _options.SampleLimit));
    }

    /// <summary>Marks every model sent at <paramref name="now"/> and returns the commands.</summary>
    public IReadOnlyList<PrecomputeModel> Start(DateTime now)
    {
        foreach (var track in _tracks)
        {
            track.Attempts = 1;
            track.Heard = now;
        }

        return [.. _specs.Select((_, i) => Command(i))];
    }

    /// <summary>Records progress; returns the model's new progress, or null when the report is stale or foreign.
    /// </summary>
    public ModelProgress? OnProgress(PrecomputeProgress progress, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (Open(progress.BuildId, progress.ModelIndex) is not { } track)
        {
            return null;
        }

        (track.State, track.Node, track.Split, track.Done, track.Total, track.Heard) =
            (ModelState.Running, progress.Node, progress.Split, progress.Done, progress.Total, now);
        return Progress(progress.ModelIndex);
    }

    /// <summary>Records a finished model; returns its progress, or null for a duplicate or a foreign reply.
    /// </summary>
    public ModelProgress? OnDone(PrecomputeDone done, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(done);
        if (Open(done.BuildId, done.ModelIndex) is not { } track)
        {
            return null;
        }

        var names = done.Splits.Select(s => s.Split).ToList();
        if (!names.SequenceEqual(PoolSplits.All) || done.Splits.Select(s => s.Classes).Distinct().Count() != 1)
        {
            (track.State, track.Reason) = (ModelState.Failed,
                $"{_specs[done.ModelIndex].Path}: the gpu node's reply lists splits [{string.Join(",", names)}] "
                + "with differing class counts or not exactly val and test");
        }
        else
        {
            (track.State, track.Result, track.Node, track.Heard) = (ModelState.Done, done, done.Node, now);
        }

        return Progress(done.ModelIndex);
    }

    /// <summary>Records a failure: a retryable one within the attempt budget gives the command to send again,
    /// anything else fails the model for good.</summary>
    public (PrecomputeModel? Resend, ModelProgress? Changed) OnFailed(PrecomputeFailed failed, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (Open(failed.BuildId, failed.ModelIndex) is not { } track)
        {
            return (null, null);
        }

        track.Node = failed.Node;
        track.Reason = failed.Reason;
        if (failed.Retryable && track.Attempts < _options.MaxAttempts)
        {
            (track.Attempts, track.State, track.Heard, track.Split) = (track.Attempts + 1, ModelState.Pending, now,
                null);
            return (Command(failed.ModelIndex), Progress(failed.ModelIndex));
        }

        track.State = ModelState.Failed;
        return (null, Progress(failed.ModelIndex));
    }

    /// <summary>The commands of open models that no node has reported on for <paramref name="timeout"/>; they are
    /// marked as sent again at <paramref name="now"/>.</summary>
    public IReadOnlyList<PrecomputeModel> DueForResend(DateTime now, TimeSpan timeout)
    {
        var due = new List<PrecomputeModel>();
        for (int i = 0; i < _tracks.Length; i++)
        {
            var track = _tracks[i];
            if (track.State is ModelState.Pending or ModelState.Running && now - track.Heard >= timeout)
            {
                (track.State, track.Heard, track.Split) = (ModelState.Pending, now, null);
                due.Add(Command(i));
            }
        }

        return due;
    }

    /// <summary>Ends a finished build: publishes the pool when every model succeeded with one class count, else
    /// reports every failure (pool order) and publishes nothing.</summary>
    /// <exception cref="InvalidOperationException">Some model is still open.</exception>
    public PoolBuildOutcome Finish()
    {
        if (!IsFinished)
        {
            throw new InvalidOperationException($"pool build {BuildId}: models are still open");
        }

        var failures = new List<ModelFailure>(_rejected);
        int classes = 0;
        for (int i = 0; i < _tracks.Length; i++)
        {
            var track = _tracks[i];
            if (track.State == ModelState.Failed)
            {
                failures.Add(new ModelFailure(_specs[i].Name, track.Reason ?? "failed"));
                continue;
            }

            int got = track.Result!.Splits[0].Classes;
            if (classes > 0 && got != classes)
            {
                failures.Add(new ModelFailure(_specs[i].Name,
                    $"{_specs[i].Path}: outputs {got} classes, the models before it output {classes}"));
            }

            classes = classes == 0 ? got : classes;
        }

        int count = _specs.Count + _rejected.Count;
        string? dataError = failures.Select(f => f.Reason).FirstOrDefault(IsDataError);
        if (failures.Count > 0)
        {
            return new PoolBuildOutcome(null, [], failures, dataError, count);
        }

        RemoveLeftovers();
        var entries = _tracks.Select((t, i) => Entry(_specs[i], t.Result!)).ToList();
        var records = _tracks.Select((t, i) => Record(_specs[i], t.Result!)).ToList();
        var manifest = PoolFinisher.Write(StagingDir, _labels, classes, entries, records, _options.Models,
            _options.Data);
        _stage.Publish();
        return new PoolBuildOutcome(manifest, records, [], null, count);
    }

    /// <inheritdoc />
    public void Dispose() => _stage.Dispose();

    // Label errors name a labels file: they concern every model, as in the in-process build.
    private bool IsDataError(string reason) =>
        _labelFiles.Any(file => reason.StartsWith(file + ":", StringComparison.Ordinal));

    private Track? Open(string buildId, int index) =>
        buildId == BuildId && index >= 0 && index < _tracks.Length
        && _tracks[index].State is ModelState.Pending or ModelState.Running
            ? _tracks[index]
            : null;

    private ModelProgress Progress(int index)
    {
        var t = _tracks[index];
        return new ModelProgress(index, _specs[index].Name, t.State.ToString().ToLowerInvariant(), t.Node, t.Split,
            t.Done, t.Total, t.Attempts, t.State == ModelState.Failed ? t.Reason : null);
    }

    // Temporary files of a writer killed mid-write; the model's redo has written the whole file since.
    private void RemoveLeftovers()
    {
        foreach (string temp in Directory.EnumerateFiles(StagingDir, ".*.tmp", SearchOption.AllDirectories))
        {
            File.Delete(temp);
        }
    }

    private static ModelEntry Entry(ModelSpec spec, PrecomputeDone done) => new(spec.Name,
        PoolSplits.All.ToDictionary(s => s, _ => spec.Mflops),
        done.Splits.ToDictionary(s => s.Split, s => s.Accuracy),
        done.Splits.ToDictionary(s => s.Split, s => new StoredFile(s.Path, s.Bytes, s.Sha256)));

    private static ModelBuildRecord Record(ModelSpec spec, PrecomputeDone done) => new(spec.Name,
        Path.GetFileName(spec.Path), spec.Macs, spec.Mflops, spec.ComputeSource, done.Output, done.OutputSource,
        done.Provider, done.ImagesPerSecond);

    private sealed class Track
    {
        public ModelState State { get; set; }

        public int Attempts { get; set; }

        public DateTime Heard { get; set; }

        public string? Node { get; set; }

        public string? Split { get; set; }

        public int Done { get; set; }

        public int Total { get; set; }

        public string? Reason { get; set; }

        public PrecomputeDone? Result { get; set; }
    }
}
