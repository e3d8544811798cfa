namespace Encas.Gomea.Archive;

public sealed partial class ElitistArchive
{
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(Discretised);
        foreach (double d in _boxSize)
        {
            writer.Write(d);
        }

        writer.Write(_count);
        for (int i = 0; i < _count; i++)
        {
            foreach (int g in _genes[i])
            {
                writer.Write(g);
            }

            foreach (double f in _objectives[i])
            {
                writer.Write(f);
            }

            writer.Write(_constraints[i]);
        }
    }

    internal void ReadFrom(BinaryReader reader)
    {
        Discretised = reader.ReadBoolean();
        for (int j = 0; j < _boxSize.Length; j++)
        {
            _boxSize[j] = reader.ReadDouble();
        }

        int count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"snapshot: negative archive size {count}");
        }

        EnsureCapacity(count);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < _geneCount; j++)
            {
                _genes[i][j] = reader.ReadInt32();
            }

            for (int j = 0; j < _objectiveCount; j++)
            {
                _objectives[i][j] = reader.ReadDouble();
            }

            _constraints[i] = reader.ReadDouble();
            PackMember(i);
        }

        _count = count;
        InvalidateDistances();
    }
}
