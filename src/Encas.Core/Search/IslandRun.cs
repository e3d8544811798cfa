using Encas.Core.Cascades;
using Encas.Gomea.Engine;

namespace Encas.Core.Search;

/// <summary>
/// One ENCAS run as an island model, in one process: the run's budget split over I MO-GOMEA engines, each with
/// its own seeded stream, advanced epoch by epoch (<see cref="SearchSettings.MigrationInterval"/> charged
/// evaluations per island); after each epoch every island sends its chosen elites to its ring neighbour's
/// archive. Epochs are synchronous and the choice is deterministic, so the outcome depends only on the seed and
/// the settings. With one island this is exactly the plain engine.
/// </summary>
public sealed class IslandRun
{
    private readonly SearchSettings _settings;
    private readonly GomeaEngine[] _engines;
    private readonly CascadeObjective[] _objectives;
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
        _settings = settings;
        Run = run;
        Seed = settings.Seed + run;
        int islands = settings.Islands;
        _engines = new GomeaEngine[islands];
        _objectives = new CascadeObjective[islands];
        for (int i = 0; i < islands; i++)
        {
            long budget = (settings.Evaluations / islands) + (i < settings.Evaluations % islands ? 1 : 0);
            _objectives[i] = new CascadeObjective(scorerFor(i));
            _engines[i] = new GomeaEngine(_objectives[i], new GomeaOptions
            {
                Seed = IslandSeeds.For(Seed, i),
                MaxEvaluations = budget,
                StopMode = StopMode.Exact,
                ArchiveTarget = settings.ArchiveTarget,
                ChargeCacheHits = false,
            });
        }
    }

    /// <summary>The run index.</summary>
    public int Run { get; }

    /// <summary>The run seed.</summary>
    public long Seed { get; }

    /// <summary>Charged evaluations, all islands.</summary>
    public long Charged => _engines.Sum(e => e.Evaluations);

    /// <summary>All evaluations asked for, cache hits included.</summary>
    public long Total => _objectives.Sum(o => o.Total);

    /// <summary>Whether every island has spent its budget (or stopped).</summary>
    public bool IsFinished => _engines.All(e => e.IsFinished);

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
        long target = _epoch * _settings.MigrationInterval;
        Parallel.For(0, _engines.Length, i => _engines[i].RunUntil(target));
        if (_engines.Length > 1 && _settings.Migrants > 0)
        {
            Migrate();
        }

        var archive = Archive();
        _trace.Add(new TracePoint(Charged,
            NormalisedHypervolume.Compute(archive.Select(a => a.Val), _settings.ReferenceError,
                _settings.ReferenceMflops),
            archive.Count));
        return !IsFinished;
    }

    /// <summary>The islands' archives together, de-duplicated by genome, in island and archive order.</summary>
    public List<(int[] Genome, CascadeScore Val)> Archive()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(int[], CascadeScore)>();
        foreach (var engine in _engines)
        {
            var archive = engine.Archive;
            for (int m = 0; m < archive.Count; m++)
            {
                var genome = archive.Genes(m).ToArray();
                if (seen.Add(string.Join(',', genome)))
                {
                    var objectives = archive.Objectives(m);
                    result.Add((genome, new CascadeScore(-objectives[0], -objectives[1])));
                }
            }
        }

        return result;
    }

    private void Migrate()
    {
        var outgoing = _engines.Select(e => MigrantSelection.Choose(e.Archive, _settings.Migrants)
            .Select(m => (Genes: e.Archive.Genes(m).ToArray(), Objectives: e.Archive.Objectives(m).ToArray()))
            .ToList()).ToList();
        for (int i = 0; i < _engines.Length; i++)
        {
            var neighbour = _engines[(i + 1) % _engines.Length];
            foreach (var (genes, objectives) in outgoing[i])
            {
                neighbour.AcceptMigrant(genes, objectives);
            }
        }
    }
}
