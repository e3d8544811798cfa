namespace Encas.Inference.Building;

/// <summary>Thrown when one or more models failed; no pool was published. The message is one line naming every
/// failed model.</summary>
public sealed class PoolBuildException : Exception
{
    /// <summary>Creates the exception from the failures (at least one).</summary>
    public PoolBuildException(IReadOnlyList<ModelFailure> failures, int models)
        : base($"{failures.Count} of {models} models failed, no pool was written: "
            + string.Join("; ", failures.Select(f => $"{f.Name}: {f.Reason}")))
    {
        Failures = failures;
    }

    /// <summary>The failed models, in pool order.</summary>
    public IReadOnlyList<ModelFailure> Failures { get; }
}
