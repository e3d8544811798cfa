using Encas.Core.Search;
using Encas.Messages;

namespace Encas.SearchNode;

/// <summary>
/// The island entity's logic without the actor: one <see cref="IslandWorker"/> in memory, where it stands
/// (epoch and <see cref="IslandPhase"/>), and the last reply of each kind.
/// </summary>
/// <remarks>
/// Every command is idempotent and self-sufficient. A command equal to the one behind a cached reply gets that
/// reply again. A command that follows on from where the island stands (advance after the previous epoch's
/// settle from that very snapshot; settle after the same epoch's advance from the same snapshot) goes on in
/// memory. Any other consistent command rebuilds the island from the command's snapshot and redoes the epoch,
/// which gives the same answer because the island is deterministic. After any failure the in-memory island is
/// dropped, so a half-done step is never continued. Not thread-safe: the entity calls it from its handlers only.
/// </remarks>
internal sealed class IslandKeeper
{
    private readonly IslandPools _pools;
    private readonly string _node;

    private IslandWorker? _worker;
    private IslandAddress? _island;
    private IslandSpec? _spec;
    private IslandPhase _phase = IslandPhase.None;
    private long _epoch;

    // Advanced: the snapshot the epoch started from; Settled: the snapshot just written (null: the start).
    private string? _sha;

    private AdvanceIsland? _advancedFor;
    private IslandAdvanced? _advanced;
    private SettleIsland? _settledFor;
    private IslandSettled? _settled;

    /// <summary>A keeper with scorers from <paramref name="pools"/>; replies name <paramref name="node"/>.</summary>
    public IslandKeeper(IslandPools pools, string node)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(node);
        _pools = pools;
        _node = node;
    }

    /// <summary>The phase the island stands in.</summary>
    public IslandPhase Phase => _phase;

    /// <summary>The epoch the island stands at (meaningless in <see cref="IslandPhase.None"/>).</summary>
    public long Epoch => _epoch;

    /// <summary>Runs the epoch of <paramref name="command"/> and returns the island's emigrants.</summary>
    /// <exception cref="IslandCommandException">The command cannot be done; the message says why.</exception>
    public (IslandAdvanced Reply, IslandStep Step) Advance(AdvanceIsland command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Check(command.Island, command.Spec, command.Epoch, command.From);
        if (_advanced is not null && _advancedFor is not null && SameAdvance(_advancedFor, command))
        {
            return (_advanced, IslandStep.Cached);
        }

        return Guarded(() =>
        {
            var step = Stands(IslandPhase.Settled, command.Island, command.Spec, command.Epoch - 1, command.From)
                ? IslandStep.Continued
                : Rebuild(command.Island, command.Spec, command.From);
            return (RunEpoch(command), step);
        });
    }

    /// <summary>Takes the immigrants of <paramref name="command"/>, writes the snapshot, returns the archive.</summary>
    /// <exception cref="IslandCommandException">The command cannot be done; the message says why.</exception>
    public (IslandSettled Reply, IslandStep Step) Settle(SettleIsland command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Check(command.Island, command.Spec, command.Epoch, command.From);
        if (_settled is not null && _settledFor is not null && SameSettle(_settledFor, command))
        {
            return (_settled, IslandStep.Cached);
        }

        return Guarded(() =>
        {
            var step = IslandStep.Continued;
            if (!Stands(IslandPhase.Advanced, command.Island, command.Spec, command.Epoch, command.From))
            {
                // Redo the epoch as the advance did; its emigrants went to the successor already and are unused.
                step = Rebuild(command.Island, command.Spec, command.From);
                RunEpoch(new AdvanceIsland(command.Island, command.Spec, command.Epoch, command.From));
            }

            return (SettleEpoch(command), step);
        });
    }

    private IslandAdvanced RunEpoch(AdvanceIsland command)
    {
        var worker = _worker!;
        worker.Advance(command.Epoch);
        var emigrants = worker.ChooseEmigrants().Select(m => new MigrantData(m.Genes, m.Objectives)).ToList();
        _phase = IslandPhase.Advanced;
        _epoch = command.Epoch;
        _advancedFor = command;
        _advanced = new IslandAdvanced(command.Island, command.Epoch, emigrants, worker.Charged, _node);
        return _advanced;
    }

    private IslandSettled SettleEpoch(SettleIsland command)
    {
        var worker = _worker!;
        worker.Accept(command.Immigrants.Select(m => new Migrant(m.Genes, m.Objectives)));
        string path = IslandSnapshots.PathOf(command.Spec, command.Island, command.Epoch);
        var snapshot = IslandSnapshots.Write(path, worker.Snapshot(), command.Epoch);
        var archive = worker.Archive()
            .Select(a => new ArchiveEntry(a.Genome, a.Val.ErrorPercent, a.Val.Mflops))
            .ToList();
        _phase = IslandPhase.Settled;
        _sha = snapshot.Sha256;
        _settledFor = command;
        _settled = new IslandSettled(command.Island, command.Epoch, snapshot, worker.Charged, worker.Total,
            worker.IsFinished, archive, _node);
        return _settled;
    }

    // A new worker standing where the snapshot ends (epoch 0 when there is none).
    private IslandStep Rebuild(IslandAddress island, IslandSpec spec, SnapshotRef? from)
    {
        var settings = spec.Search.ToSettings();
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new IslandCommandException($"island {island.EntityId}: bad search settings ({ex.Message})",
                retryable: false, ex);
        }

        if (island.Island < 0 || island.Island >= settings.Islands || island.Run < 0)
        {
            throw new IslandCommandException(
                $"island {island.EntityId}: not an island of a run with {settings.Islands} islands", retryable: false);
        }

        var worker = new IslandWorker(Scorer(spec.PoolPath), settings, island.Run, island.Island);
        if (from is not null)
        {
            Restore(worker, from);
        }

        _worker = worker;
        _island = island;
        _spec = spec;
        _phase = IslandPhase.Settled;
        _epoch = worker.Epoch;
        _sha = from?.Sha256;
        return IslandStep.Rebuilt;
    }

    private Core.Cascades.ICascadeScorer Scorer(string poolPath)
    {
        try
        {
            return _pools.Validation(poolPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new IslandCommandException($"pool {poolPath}: {IslandSnapshots.OneLine(ex.Message)}",
                retryable: false, ex);
        }
    }

    private static void Restore(IslandWorker worker, SnapshotRef from)
    {
        byte[] bytes = IslandSnapshots.Read(from);
        try
        {
            worker.Restore(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new IslandCommandException($"snapshot {from.Path}: {IslandSnapshots.OneLine(ex.Message)}",
                retryable: false, ex);
        }

        if (worker.Epoch != from.Epoch)
        {
            throw new IslandCommandException(
                $"snapshot {from.Path}: holds epoch {worker.Epoch}, not epoch {from.Epoch}", retryable: false);
        }
    }

    private bool Stands(IslandPhase phase, IslandAddress island, IslandSpec spec, long epoch, SnapshotRef? sha) =>
        _worker is not null && _phase == phase && _epoch == epoch && island == _island && spec == _spec
        && string.Equals(sha?.Sha256, _sha, StringComparison.OrdinalIgnoreCase);

    // The step runs on the in-memory island; if it fails half-way, that island is no longer trusted.
    private T Guarded<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch
        {
            _worker = null;
            _phase = IslandPhase.None;
            throw;
        }
    }

    private static void Check(IslandAddress island, IslandSpec spec, long epoch, SnapshotRef? from)
    {
        ArgumentNullException.ThrowIfNull(island);
        ArgumentNullException.ThrowIfNull(spec);
        if (epoch < 1)
        {
            throw new IslandCommandException($"island {island.EntityId}: epoch {epoch} is not positive",
                retryable: false);
        }

        if (from is null ? epoch != 1 : from.Epoch != epoch - 1)
        {
            string given = from is null ? "no snapshot" : $"the snapshot of epoch {from.Epoch}";
            throw new IslandCommandException(
                $"island {island.EntityId}: epoch {epoch} needs the snapshot of epoch {epoch - 1}, got {given}",
                retryable: false);
        }
    }

    private static bool SameAdvance(AdvanceIsland a, AdvanceIsland b) =>
        a.Island == b.Island && a.Spec == b.Spec && a.Epoch == b.Epoch && SameSnapshot(a.From, b.From);

    private static bool SameSettle(SettleIsland a, SettleIsland b) =>
        a.Island == b.Island && a.Spec == b.Spec && a.Epoch == b.Epoch && SameSnapshot(a.From, b.From)
        && a.Immigrants.Count == b.Immigrants.Count
        && a.Immigrants.Zip(b.Immigrants).All(p => p.First.Genes.AsSpan().SequenceEqual(p.Second.Genes)
            && p.First.Objectives.AsSpan().SequenceEqual(p.Second.Objectives));

    private static bool SameSnapshot(SnapshotRef? a, SnapshotRef? b) =>
        a is null ? b is null : b is not null && a.Epoch == b.Epoch
            && string.Equals(a.Sha256, b.Sha256, StringComparison.OrdinalIgnoreCase);
}
