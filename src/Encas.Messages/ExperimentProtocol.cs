using System.Text.Json.Serialization;

namespace Encas.Messages;

// The experiment protocol: what clients (encas search, encas submit through the management port, encas ctl)
// ask the coordinator singleton (role "seed"), and what it answers.

/// <summary>An experiment: a pool, the search settings, and where the report goes.</summary>
/// <param name="ExperimentId">Client-chosen id: letters, digits, '-' and '_' (resubmitting the same id and spec is a
/// no-op).</param>
/// <param name="PoolPath">The pool folder, readable on the seed and every search node.</param>
/// <param name="Search">The settings.</param>
/// <param name="OutDir">Where the coordinator publishes the report, or null for its data folder.</param>
/// <param name="Replace">Whether an existing <paramref name="OutDir"/> may be replaced.</param>
/// <param name="Build">How to build the pool at <paramref name="PoolPath"/> on the gpu nodes when it does not exist
/// yet, or null when the pool must exist. Left out of the JSON when null, so experiments without a build keep the
/// shape their events always had.</param>
public sealed record ExperimentSpec(string ExperimentId, string PoolPath, SearchSpec Search, string? OutDir,
    bool Replace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PoolBuildSpec? Build = null);

/// <summary>How the coordinator builds an experiment's pool from ONNX models and a dataset, sharded over the gpu
/// nodes.</summary>
/// <param name="Models">Folder of <c>.onnx</c> models (and an optional <c>models.json</c>), readable by gpu
/// nodes.</param>
/// <param name="Data">Folder with the val and test splits, readable by gpu nodes and the seed.</param>
/// <param name="Device">auto, cuda or cpu.</param>
/// <param name="BatchSize">Samples per inference batch.</param>
/// <param name="SampleLimit">Use only the first this many samples of each split (null: all).</param>
public sealed record PoolBuildSpec(string Models, string Data, string Device = "auto", int BatchSize = 256,
    int? SampleLimit = null);

/// <summary>Start an experiment.</summary>
/// <param name="Spec">The experiment.</param>
public sealed record SubmitExperiment(ExperimentSpec Spec) : IEncasMessage;

/// <summary>The experiment is known to the coordinator (new, or the same spec submitted again).</summary>
/// <param name="ExperimentId">The id.</param>
/// <param name="AlreadyKnown">True when it had been submitted before.</param>
public sealed record ExperimentAccepted(string ExperimentId, bool AlreadyKnown) : IEncasMessage;

/// <summary>The experiment was refused; <paramref name="Reason"/> names the option or file.</summary>
/// <param name="ExperimentId">The id.</param>
/// <param name="Reason">One line.</param>
public sealed record ExperimentRejected(string ExperimentId, string Reason) : IEncasMessage;

/// <summary>Ask for one experiment's status; answered with <see cref="ExperimentStatus"/> or
/// <see cref="ExperimentUnknown"/>.</summary>
/// <param name="ExperimentId">The id.</param>
public sealed record GetExperiment(string ExperimentId) : IEncasMessage;

/// <summary>Ask for every experiment; answered with <see cref="ExperimentList"/>.</summary>
public sealed record ListExperiments : IEncasMessage
{
    /// <summary>The one instance.</summary>
    public static ListExperiments Instance { get; } = new();
}

/// <summary>Stop an experiment; answered with its <see cref="ExperimentStatus"/> or
/// <see cref="ExperimentUnknown"/>.</summary>
/// <param name="ExperimentId">The id.</param>
public sealed record CancelExperiment(string ExperimentId) : IEncasMessage;

/// <summary>No experiment has this id.</summary>
/// <param name="ExperimentId">The id.</param>
public sealed record ExperimentUnknown(string ExperimentId) : IEncasMessage;

/// <summary>Every experiment the coordinator knows, in submission order.</summary>
/// <param name="Experiments">Their statuses.</param>
public sealed record ExperimentList(IReadOnlyList<ExperimentStatus> Experiments) : IEncasMessage;

/// <summary>Where an experiment stands.</summary>
/// <param name="ExperimentId">The id.</param>
/// <param name="State">running, reporting, completed, failed or cancelled.</param>
/// <param name="Spec">What was submitted.</param>
/// <param name="Runs">Each run's progress, by index.</param>
/// <param name="ReportDir">The published report folder once completed.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record ExperimentStatus(string ExperimentId, string State, ExperimentSpec Spec,
    IReadOnlyList<RunStatus> Runs, string? ReportDir, string? Error) : IEncasMessage;

/// <summary>One run's progress.</summary>
/// <param name="Run">The run index.</param>
/// <param name="State">pending, running or completed.</param>
/// <param name="Epoch">The last committed epoch.</param>
/// <param name="Charged">Charged evaluations, all islands.</param>
/// <param name="Total">All evaluations, cache hits included.</param>
/// <param name="ValHypervolume">Validation hypervolume of the islands' archives after the last epoch.</param>
/// <param name="FrontSize">Members of the islands' archives together.</param>
/// <param name="Islands">Each island's progress.</param>
public sealed record RunStatus(int Run, string State, long Epoch, long Charged, long Total, double ValHypervolume,
    int FrontSize, IReadOnlyList<IslandStatus> Islands);

/// <summary>One island's progress.</summary>
/// <param name="Island">The island index.</param>
/// <param name="Epoch">The last committed epoch.</param>
/// <param name="Charged">Charged evaluations.</param>
/// <param name="Finished">Whether it has spent its budget.</param>
/// <param name="Node">The node that ran its last epoch.</param>
public sealed record IslandStatus(int Island, long Epoch, long Charged, bool Finished, string? Node);
