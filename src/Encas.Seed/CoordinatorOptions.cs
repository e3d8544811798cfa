namespace Encas.Seed;

/// <summary>How the <see cref="ExperimentCoordinator"/> stores experiments and drives island epochs.</summary>
public sealed record CoordinatorOptions
{
    /// <summary>The coordinator's data folder.</summary>
    /// <remarks>Experiment <c>id</c> works under <c>{DataDir}/experiments/{id}</c>.</remarks>
    public required string DataDir { get; init; }

    /// <summary>
    /// How long a run waits for the islands' replies to a step before it sends the same commands again (they are
    /// idempotent). Default 30 s.
    /// </summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a run waits before it re-sends a command an island failed with a retryable error.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retryable failures tolerated per island and epoch before the experiment fails. Default 5.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Runs driven at once over all experiments, in submission and run order; 0 = all of them.</summary>
    public int MaxConcurrentRuns { get; init; }

    /// <summary>Persisted events between coordinator snapshots; 0 = never snapshot. Default 100.</summary>
    public int SnapshotEvery { get; init; } = 100;

    /// <summary>The work folder of experiment <paramref name="experimentId"/>, as a full path.</summary>
    public string WorkDirOf(string experimentId) =>
        Path.GetFullPath(Path.Combine(DataDir, "experiments", experimentId));

    /// <summary>Checks the options; the message names the option.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(DataDir), "DataDir must be a folder");
        Require(StepTimeout > TimeSpan.Zero, "StepTimeout must be positive");
        Require(RetryInterval > TimeSpan.Zero, "RetryInterval must be positive");
        Require(MaxRetries >= 0, "MaxRetries must not be negative");
        Require(MaxConcurrentRuns >= 0, "MaxConcurrentRuns must not be negative");
        Require(SnapshotEvery >= 0, "SnapshotEvery must not be negative");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
