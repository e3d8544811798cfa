namespace Encas.Gomea.Engine;

/// <summary>Settings of one MO-GOMEA run; the defaults are the reference's parameter-less defaults.</summary>
public sealed record GomeaOptions
{
    /// <summary>The seed of the 48-bit generator (only its low 32 bits count, as in the reference).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The evaluation budget; the run terminates once this many evaluations were charged.</summary>
    public long MaxEvaluations { get; init; } = long.MaxValue;

    /// <summary>Where a budgeted run stops: end of generation (original) or exactly at the budget (ENCAS).</summary>
    public StopMode StopMode { get; init; } = StopMode.EndOfGeneration;

    /// <summary>
    /// The elitist-archive size target that drives the objective-space discretisation (default 1000).
    /// </summary>
    public int ArchiveTarget { get; init; } = 1000;

    /// <summary>Optional mutation after every donor copy (default none).</summary>
    public MutationMode Mutation { get; init; } = MutationMode.None;

    /// <summary>
    /// Whether smaller populations whose front is covered by a larger one are switched off (option -z).
    /// </summary>
    public bool StopSmallerPopulations { get; init; }

    /// <summary>Whether evaluations reported as cache hits count against the budget (ENCAS: false).</summary>
    public bool ChargeCacheHits { get; init; } = true;

    /// <summary>A known Pareto front; when set, the engine records when the archive first holds all of it.</summary>
    public IReadOnlyList<double[]>? TargetFront { get; init; }

    /// <summary>
    /// Whether the run terminates (between population steps) once the archive holds the whole target front.
    /// </summary>
    public bool StopWhenTargetFrontCovered { get; init; }
}
