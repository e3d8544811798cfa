using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>
/// One ENCAS run as an island model, in one process: the run's budget split over I <see cref="IslandWorker"/>s,
/// each with its own seeded stream, advanced epoch by epoch (<see cref="SearchSettings.MigrationInterval"/>
/// charged evaluations per island); after each epoch every island sends its chosen elites to its ring
/// neighbour's archive. Epochs are synchronous and the choice is deterministic, so the outcome depends only on
/// the seed and the settings. With one island this is exactly the plain engine. The cluster runs the same
/// workers, one per island entity, in the same order of steps.
/// </summary>
public sealed class IslandRun
{
    private readonly SearchSettings _settings;
    private readonly IslandWorker[] _islands;
    private readonly List<TracePoint> _trace = [];
    private long _epoch;

    /// <summary>Prepares run <paramref name="run"/> (seed = settings seed + run) over the validation split.</summary>
    public IslandRun(CascadeEvaluator validation, SearchSettings settings, int run)
        : this(_ => validation, settings, run)
    {
    }

    /// <summary>
    /// Prepares run <paramref name="run"/> with the validation scorer <paramref name="scorerFor"/> gives each
    /// island (a scorer that is not thread-safe, such as <see cref="StageCacheEvaluator"/>, needs one per island).
    /// </summary>
    public IslandRun(Func<int, ICascadeScorer> scorerFor, SearchSettings settings, int run)
    {
        ArgumentNullException.ThrowIfNull(scorerFor);
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        Run = run;
        Seed = settings.Seed + run;
        _islands = Enumerable.Range(0, settings.Islands)
            .Select(i => new IslandWorker(scorerFor(i), settings, run, i))
            .ToArray();
    }

    /// <summary>The run index.</summary>
    public int Run { get; }

    /// <summary>The run seed.</summary>
    public long Seed { get; }

    /// <summary>Charged evaluations, all islands.</summary>
    public long Charged => _islands.Sum(e => e.Charged);

    /// <summary>All evaluations asked for, cache hits included.</summary>
    public long Total => _islands.Sum(o => o.Total);

    /// <summary>Whether every island has spent its budget (or stopped).</summary>
    public bool IsFinished => _islands.All(e => e.IsFinished);

    /// <summary>Validation hypervolume after each epoch.</summary>
    public IReadOnlyList<TracePoint> Trace => _trace;

    /// <summary>Runs one epoch on every island, then migrates. Returns false once the run is finished.</summary>
    public bool RunEpoch()
    {
        if (IsFinished)
        {
            return false;
        }

        _epoch++;
        Parallel.For(0, _islands.Length, i => _islands[i].Advance(_epoch));
        var outgoing = _islands.Select(w => w.ChooseEmigrants()).ToList();
        for (int i = 0; i < _islands.Length; i++)
        {
            _islands[(i + 1) % _islands.Length].Accept(outgoing[i]);
        }

        _trace.Add(IslandArchives.Trace(Charged, Archive(), _settings));
        return !IsFinished;
    }

    /// <summary>The islands' archives together, de-duplicated by genome, in island and archive order.</summary>
    public List<(int[] Genome, CascadeScore Val)> Archive() => IslandArchives.Union(_islands.Select(w => w.Archive()));
}
