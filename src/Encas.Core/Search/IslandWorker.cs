using Encas.Core.Cascades;
using Encas.Gomea.Engine;

namespace Encas.Core.Search;

/// <summary>
/// One island of one run: a MO-GOMEA engine over cascades with its share of the run's budget and its own seeded
/// stream. An epoch is two steps: <see cref="Advance"/> runs to the epoch's evaluation count and
/// <see cref="ChooseEmigrants"/> picks the elites to send; then <see cref="Accept"/> takes the ring
/// predecessor's elites. <see cref="IslandRun"/> drives all islands of a run in one process; the search nodes
/// drive one each. <see cref="Snapshot"/> between epochs captures everything that decides the rest of the run
/// (engine, counters, the phenotype cache's keys), so a restored island continues exactly as the original.
/// </summary>
public sealed class IslandWorker
{
    private const int SnapshotMagic = 0x49534C44; // "ISLD"
    private const int SnapshotVersion = 1;

    private readonly SearchSettings _settings;
    private readonly GomeaEngine _engine;
    private readonly CascadeObjective _objective;

    /// <summary>Prepares island <paramref name="island"/> of run <paramref name="run"/> over a validation scorer.</summary>
    public IslandWorker(ICascadeScorer validation, SearchSettings settings, int run, int island)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (island < 0 || island >= settings.Islands)
        {
            throw new ArgumentOutOfRangeException(nameof(island), $"island {island} is not in [0, {settings.Islands})");
        }

        _settings = settings;
        Run = run;
        Island = island;
        RunSeed = settings.Seed + run;
        Budget = BudgetOf(settings, island);
        _objective = new CascadeObjective(validation);
        _engine = new GomeaEngine(_objective, new GomeaOptions
        {
            Seed = IslandSeeds.For(RunSeed, island),
            MaxEvaluations = Budget,
            StopMode = StopMode.Exact,
            ArchiveTarget = settings.ArchiveTarget,
            ChargeCacheHits = false,
        });
    }

    /// <summary>The run index.</summary>
    public int Run { get; }

    /// <summary>The island index within the run.</summary>
    public int Island { get; }

    /// <summary>The run's seed (settings seed + run).</summary>
    public long RunSeed { get; }

    /// <summary>This island's share of the run's charged evaluations.</summary>
    public long Budget { get; }

    /// <summary>The last epoch advanced to (0 before the first).</summary>
    public long Epoch { get; private set; }

    /// <summary>Charged evaluations so far.</summary>
    public long Charged => _engine.Evaluations;

    /// <summary>All evaluations asked for, cache hits included.</summary>
    public long Total => _objective.Total;

    /// <summary>Whether the island has spent its budget (or stopped).</summary>
    public bool IsFinished => _engine.IsFinished;

    /// <summary>The charged-evaluation share of island <paramref name="island"/>: the run budget split evenly.</summary>
    public static long BudgetOf(SearchSettings settings, int island)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (settings.Evaluations / settings.Islands) + (island < settings.Evaluations % settings.Islands ? 1 : 0);
    }

    /// <summary>Runs the engine until epoch <paramref name="epoch"/>'s evaluation count (or its budget).</summary>
    public void Advance(long epoch)
    {
        if (epoch != Epoch + 1)
        {
            throw new InvalidOperationException($"island {Island} of run {Run} is at epoch {Epoch}, not {epoch - 1}");
        }

        _engine.RunUntil(epoch * _settings.MigrationInterval);
        Epoch = epoch;
    }

    /// <summary>The elites to send this epoch (<see cref="MigrantSelection"/>), none with migration off.</summary>
    public IReadOnlyList<Migrant> ChooseEmigrants()
    {
        if (_settings.Islands < 2 || _settings.Migrants <= 0)
        {
            return [];
        }

        var archive = _engine.Archive;
        return MigrantSelection.Choose(archive, _settings.Migrants)
            .Select(m => new Migrant(archive.Genes(m).ToArray(), archive.Objectives(m).ToArray()))
            .ToList();
    }

    /// <summary>Offers the ring predecessor's elites to this island's elitist archive, in order.</summary>
    public void Accept(IEnumerable<Migrant> immigrants)
    {
        ArgumentNullException.ThrowIfNull(immigrants);
        foreach (var migrant in immigrants)
        {
            _engine.AcceptMigrant(migrant.Genes, migrant.Objectives);
        }
    }

    /// <summary>The elitist archive in archive order, as genomes with validation scores.</summary>
    public List<(int[] Genome, CascadeScore Val)> Archive()
    {
        var archive = _engine.Archive;
        var result = new List<(int[], CascadeScore)>(archive.Count);
        for (int m = 0; m < archive.Count; m++)
        {
            var objectives = archive.Objectives(m);
            result.Add((archive.Genes(m).ToArray(), new CascadeScore(-objectives[0], -objectives[1])));
        }

        return result;
    }

    /// <summary>The island's whole state as bytes; restore it into a worker built with the same arguments.</summary>
    public byte[] Snapshot()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(SnapshotMagic);
            writer.Write(SnapshotVersion);
            writer.Write(Run);
            writer.Write(Island);
            writer.Write(Epoch);
            _objective.WriteState(writer);
            var engine = _engine.Snapshot();
            writer.Write(engine.Length);
            writer.Write(engine);
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the state by one taken with <see cref="Snapshot"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an island snapshot of this run and island.</exception>
    public void Restore(byte[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(snapshot, writable: false));
            if (reader.ReadInt32() != SnapshotMagic || reader.ReadInt32() != SnapshotVersion)
            {
                throw new InvalidDataException("not an island snapshot (or an unsupported version)");
            }

            int run = reader.ReadInt32();
            int island = reader.ReadInt32();
            if (run != Run || island != Island)
            {
                throw new InvalidDataException(
                    $"snapshot is of run {run} island {island}, not run {Run} island {Island}");
            }

            long epoch = reader.ReadInt64();
            _objective.ReadState(reader);
            int length = reader.ReadInt32();
            _engine.Restore(reader.ReadBytes(length));
            Epoch = epoch;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("island snapshot is truncated", ex);
        }
    }
}
