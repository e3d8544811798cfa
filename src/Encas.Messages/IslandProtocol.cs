namespace Encas.Messages;

// The island protocol: the coordinator drives each island entity (role "search") epoch by epoch in two steps.
// AdvanceIsland runs the island to the epoch's evaluation count and returns its emigrants; SettleIsland hands it
// the ring predecessor's emigrants, after which the island writes its snapshot file and returns its archive.
// Every command carries the last committed snapshot, so any node can redo it from scratch with the same result.

/// <summary>A command for one island entity; sharded by <see cref="Island"/>.</summary>
public interface IIslandCommand : IEncasMessage
{
    /// <summary>The island the command is for.</summary>
    IslandAddress Island { get; }
}

/// <summary>One island of one run of one experiment.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Run">The run index.</param>
/// <param name="Island">The island index within the run.</param>
public sealed record IslandAddress(string ExperimentId, int Run, int Island)
{
    /// <summary>The sharding entity id.</summary>
    public string EntityId => $"{ExperimentId}.r{Run}.i{Island}";
}

/// <summary>What an island needs to build its engine.</summary>
/// <param name="PoolPath">The pool folder, readable on every search node.</param>
/// <param name="Search">The experiment's settings.</param>
/// <param name="WorkDir">Where the island writes its snapshot files (shared with the coordinator).</param>
public sealed record IslandSpec(string PoolPath, SearchSpec Search, string WorkDir);

/// <summary>A snapshot file written by an island at the end of an epoch.</summary>
/// <param name="Path">The file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
/// <param name="Epoch">The epoch it ends.</param>
public sealed record SnapshotRef(string Path, string Sha256, long Epoch);

/// <summary>An elite travelling between islands: genes and the engine's (maximised) objectives.</summary>
/// <param name="Genes">The genome.</param>
/// <param name="Objectives">(−error %, −MFLOPs).</param>
public sealed record MigrantData(int[] Genes, double[] Objectives);

/// <summary>One member of an island's elitist archive.</summary>
/// <param name="Genome">The genome.</param>
/// <param name="ValError">Validation error, %.</param>
/// <param name="ValMflops">Validation MFLOPs.</param>
public sealed record ArchiveEntry(int[] Genome, double ValError, double ValMflops);

/// <summary>Run the island to epoch <paramref name="Epoch"/> from <paramref name="From"/> (null: from the
/// start).</summary>
/// <param name="Island">The island.</param>
/// <param name="Spec">How to build it.</param>
/// <param name="Epoch">The epoch to run.</param>
/// <param name="From">The snapshot that ends epoch − 1, or null for epoch 1.</param>
public sealed record AdvanceIsland(IslandAddress Island, IslandSpec Spec, long Epoch, SnapshotRef? From)
    : IIslandCommand;

/// <summary>The island ran the epoch; these are its emigrants.</summary>
/// <param name="Island">The island.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Emigrants">The elites for its ring neighbour, in send order.</param>
/// <param name="Charged">Charged evaluations so far.</param>
/// <param name="Node">The address of the node that ran it.</param>
public sealed record IslandAdvanced(IslandAddress Island, long Epoch, IReadOnlyList<MigrantData> Emigrants,
    long Charged, string Node) : IEncasMessage;

/// <summary>Take the predecessor's emigrants of the epoch, snapshot, report.</summary>
/// <param name="Island">The island.</param>
/// <param name="Spec">How to build it.</param>
/// <param name="Epoch">The epoch being settled.</param>
/// <param name="From">The snapshot that ends epoch − 1 (to redo the epoch if this node lost it), or null.</param>
/// <param name="Immigrants">The ring predecessor's emigrants of this epoch.</param>
public sealed record SettleIsland(IslandAddress Island, IslandSpec Spec, long Epoch, SnapshotRef? From,
    IReadOnlyList<MigrantData> Immigrants) : IIslandCommand;

/// <summary>The epoch is settled and its snapshot written.</summary>
/// <param name="Island">The island.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Snapshot">The snapshot file that ends it.</param>
/// <param name="Charged">Charged evaluations so far.</param>
/// <param name="Total">All evaluations so far, cache hits included.</param>
/// <param name="Finished">Whether the island has spent its budget.</param>
/// <param name="Archive">The island's elitist archive, in archive order.</param>
/// <param name="Node">The address of the node that ran it.</param>
public sealed record IslandSettled(IslandAddress Island, long Epoch, SnapshotRef Snapshot, long Charged, long Total,
    bool Finished, IReadOnlyList<ArchiveEntry> Archive, string Node) : IEncasMessage;

/// <summary>The island could not do the command; <paramref name="Reason"/> says why in one line.</summary>
/// <param name="Island">The island.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Reason">What went wrong (file, model, option).</param>
/// <param name="Retryable">False when a retry cannot help (bad pool, bad snapshot).</param>
public sealed record IslandFailed(IslandAddress Island, long Epoch, string Reason, bool Retryable) : IEncasMessage;
