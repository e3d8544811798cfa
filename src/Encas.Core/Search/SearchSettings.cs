namespace Encas.Core.Search;

/// <summary>Settings of an ENCAS experiment: R runs of an island-model MO-GOMEA over cascades.</summary>
public sealed record SearchSettings
{
    /// <summary>Independent runs; run r uses seed <see cref="Seed"/> + r.</summary>
    public int Runs { get; init; } = 10;

    /// <summary>Charged evaluations per run, split over the islands.</summary>
    public long Evaluations { get; init; } = 600_000;

    /// <summary>The base seed (the authors use 1723).</summary>
    public long Seed { get; init; } = 1723;

    /// <summary>Islands per run; 1 is exactly the plain reference engine.</summary>
    public int Islands { get; init; } = 1;

    /// <summary>Charged evaluations per island between migrations (an epoch).</summary>
    public long MigrationInterval { get; init; } = 10_000;

    /// <summary>Elites each island sends to its ring neighbour per epoch.</summary>
    public int Migrants { get; init; } = 8;

    /// <summary>Hypervolume reference point: error in %.</summary>
    public double ReferenceError { get; init; } = 40;

    /// <summary>Hypervolume reference point: MFLOPs.</summary>
    public double ReferenceMflops { get; init; } = 4000;

    /// <summary>The elitist archive target size (ENCAS: 10,000).</summary>
    public int ArchiveTarget { get; init; } = 10_000;

    /// <summary>Whether to run the random-search baseline with the same budget.</summary>
    public bool RandomBaseline { get; init; }

    /// <summary>Runs executed at once (0 = one per core).</summary>
    public int Parallelism { get; init; }

    /// <summary>Checks the settings; the message names the option.</summary>
    public void Validate()
    {
        Require(Runs >= 1, "--runs must be at least 1");
        Require(Evaluations >= 1, "--evaluations must be at least 1");
        Require(Islands >= 1, "--islands must be at least 1");
        Require(Evaluations >= Islands, "--evaluations must be at least --islands");
        Require(MigrationInterval >= 1, "--migration-interval must be at least 1");
        Require(Migrants >= 0, "--migrants must not be negative");
        Require(ReferenceError > 0 && ReferenceMflops > 0, "--reference-point must be two positive numbers");
        Require(Seed is >= 0 and <= uint.MaxValue, "--seed must be in [0, 4294967295]");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
