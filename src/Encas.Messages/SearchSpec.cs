using Encas.Core.Search;

namespace Encas.Messages;

/// <summary>The search settings of an experiment as they travel and are persisted (see
/// <see cref="SearchSettings"/>).</summary>
/// <param name="Runs">Independent runs; run r uses seed + r.</param>
/// <param name="Evaluations">Charged evaluations per run.</param>
/// <param name="Seed">The base seed.</param>
/// <param name="Islands">Islands per run.</param>
/// <param name="MigrationInterval">Charged evaluations per island between migrations.</param>
/// <param name="Migrants">Elites sent to the ring neighbour per epoch.</param>
/// <param name="ReferenceError">Hypervolume reference point, error in %.</param>
/// <param name="ReferenceMflops">Hypervolume reference point, MFLOPs.</param>
/// <param name="ArchiveTarget">Elitist archive target size.</param>
/// <param name="RandomBaseline">Whether the random-search baseline runs too.</param>
public sealed record SearchSpec(
    int Runs,
    long Evaluations,
    long Seed,
    int Islands,
    long MigrationInterval,
    int Migrants,
    double ReferenceError,
    double ReferenceMflops,
    int ArchiveTarget,
    bool RandomBaseline)
{
    /// <summary>The spec of <paramref name="settings"/> (parallelism is a local choice and does not travel).</summary>
    public static SearchSpec From(SearchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SearchSpec(settings.Runs, settings.Evaluations, settings.Seed, settings.Islands,
            settings.MigrationInterval, settings.Migrants, settings.ReferenceError, settings.ReferenceMflops,
            settings.ArchiveTarget, settings.RandomBaseline);
    }

    /// <summary>The settings this spec stands for.</summary>
    public SearchSettings ToSettings() => new()
    {
        Runs = Runs,
        Evaluations = Evaluations,
        Seed = Seed,
        Islands = Islands,
        MigrationInterval = MigrationInterval,
        Migrants = Migrants,
        ReferenceError = ReferenceError,
        ReferenceMflops = ReferenceMflops,
        ArchiveTarget = ArchiveTarget,
        RandomBaseline = RandomBaseline,
    };
}
