using Encas.Gomea.Random;

namespace Encas.Gomea.Engine;

public sealed partial class GomeaEngine
{
    private const int SnapshotMagic = 0x474F4D45; // "GOME"
    private const int SnapshotVersion = 1;

    /// <summary>Serialises the whole run state to bytes.</summary>
    /// <remarks>
    /// Covers the generator state, counters, scheduler position, every population (genes, objectives, constraints,
    /// ranges, step counters, no-improvement stretch, status), the archive with its discretisation and the step log.
    /// The problem and the options are not included: restore into an engine built with the same ones. Call between
    /// chunks (after <see cref="RunUntil"/> returned), never from inside an evaluation.
    /// </remarks>
    /// <returns>The snapshot.</returns>
    public byte[] Snapshot()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(SnapshotMagic);
            writer.Write(SnapshotVersion);
            writer.Write(_geneCount);
            writer.Write(_objectiveCount);
            writer.Write(_options.Seed);
            writer.Write(_rng.State);
            writer.Write(_evaluations);
            writer.Write(_cacheHits);
            writer.Write(_budgetReached);
            writer.Write(_nextPopulation);
            writer.Write(_finished);
            writer.Write(PopulationLimitReached);
            writer.Write(_targetCoveredAt ?? -1L);
            writer.Write(_steps.Count);
            foreach (PopulationStep s in _steps)
            {
                writer.Write(s.Generation);
                writer.Write(s.PopulationSize);
                writer.Write(s.Evaluations);
                writer.Write(s.ClusterCount);
            }

            _archive.WriteTo(writer);
            foreach (Population? p in _populations)
            {
                writer.Write(p is not null);
                if (p is not null)
                {
                    WritePopulation(writer, p);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Replaces the whole run state by one saved with <see cref="Snapshot"/>.</summary>
    /// <param name="snapshot">Bytes from <see cref="Snapshot"/> of an engine with the same problem and options.</param>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot, or were taken with another genome length,
    /// objective count or seed.</exception>
    public void Restore(byte[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(snapshot, writable: false));
            if (reader.ReadInt32() != SnapshotMagic || reader.ReadInt32() != SnapshotVersion)
            {
                throw new InvalidDataException("not a MO-GOMEA engine snapshot (or an unsupported version)");
            }

            int genes = reader.ReadInt32();
            int objectives = reader.ReadInt32();
            long seed = reader.ReadInt64();
            if (genes != _geneCount || objectives != _objectiveCount || seed != _options.Seed)
            {
                throw new InvalidDataException(
                    $"snapshot is for {genes} genes, {objectives} objectives, seed {seed}; this engine has " +
                    $"{_geneCount}, {_objectiveCount}, seed {_options.Seed}");
            }

            _rng = Lcg48.FromState(reader.ReadUInt64());
            _evaluations = reader.ReadInt64();
            _cacheHits = reader.ReadInt64();
            _budgetReached = reader.ReadBoolean();
            _nextPopulation = reader.ReadInt32();
            _finished = reader.ReadBoolean();
            PopulationLimitReached = reader.ReadBoolean();
            long covered = reader.ReadInt64();
            _targetCoveredAt = covered < 0 ? null : covered;
            int stepCount = reader.ReadInt32();
            _steps.Clear();
            for (int i = 0; i < stepCount; i++)
            {
                _steps.Add(new PopulationStep(
                    reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32()));
            }

            _archive = new Archive.ElitistArchive(_geneCount, _objectiveCount);
            _archive.ReadFrom(reader);
            _populations = new Population?[MaxPopulations];
            for (int p = 0; p < MaxPopulations; p++)
            {
                if (reader.ReadBoolean())
                {
                    _populations[p] = ReadPopulation(reader);
                }
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("engine snapshot is truncated", ex);
        }
    }

    private static void WritePopulation(BinaryWriter writer, Population p)
    {
        writer.Write(p.Size);
        writer.Write(p.ClusterCount);
        writer.Write(p.Steps);
        writer.Write(p.NoImprovementStretch);
        writer.Write(p.Active);
        foreach (double r in p.Ranges)
        {
            writer.Write(r);
        }

        for (int i = 0; i < p.Size; i++)
        {
            foreach (int g in p.Genes[i])
            {
                writer.Write(g);
            }

            foreach (double f in p.Objectives[i])
            {
                writer.Write(f);
            }

            writer.Write(p.Constraints[i]);
        }

        writer.Write(p.Front.Length);
        foreach (double[] point in p.Front)
        {
            foreach (double f in point)
            {
                writer.Write(f);
            }
        }
    }

    private Population ReadPopulation(BinaryReader reader)
    {
        int size = reader.ReadInt32();
        int clusters = reader.ReadInt32();
        var p = new Population(size, clusters, _geneCount, _objectiveCount)
        {
            Steps = reader.ReadInt32(),
            NoImprovementStretch = reader.ReadInt32(),
            Active = reader.ReadBoolean(),
        };
        for (int j = 0; j < _objectiveCount; j++)
        {
            p.Ranges[j] = reader.ReadDouble();
        }

        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < _geneCount; j++)
            {
                p.Genes[i][j] = reader.ReadInt32();
            }

            for (int j = 0; j < _objectiveCount; j++)
            {
                p.Objectives[i][j] = reader.ReadDouble();
            }

            p.Constraints[i] = reader.ReadDouble();
        }

        var front = new double[reader.ReadInt32()][];
        for (int i = 0; i < front.Length; i++)
        {
            front[i] = new double[_objectiveCount];
            for (int j = 0; j < _objectiveCount; j++)
            {
                front[i][j] = reader.ReadDouble();
            }
        }

        p.Front = front;
        return p;
    }
}
