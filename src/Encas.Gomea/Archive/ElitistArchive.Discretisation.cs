namespace Encas.Gomea.Archive;

public sealed partial class ElitistArchive
{
    /// <summary>Adapts the objective-space discretisation to keep the archive near its size target.</summary>
    /// <remarks>
    /// Called after every generation. With <c>lo = ⌊0.75 T⌋</c> and <c>hi = ⌊1.25 T⌋</c>: if discretisation is on and
    /// the archive is smaller than <c>lo</c>, it is switched off (members kept). If the archive is larger than
    /// <c>hi</c>, it is switched on and 25 steps of a binary search over the number of boxes per objective
    /// (1…2^25) each rebuild the archive from the pre-search copy with the plain rule; the last rebuild is kept.
    /// </remarks>
    /// <param name="target">The elitist-archive size target <c>T</c>.</param>
    public void AdaptDiscretisation(int target)
    {
        int lower = (int)(0.75 * target);
        int upper = (int)(1.25 * target);
        if (Discretised && _count < lower)
        {
            Discretised = false;
        }

        if (_count <= upper)
        {
            return;
        }

        Discretised = true;
        var ranges = new double[_objectiveCount];
        for (int j = 0; j < _objectiveCount; j++)
        {
            double low = _objectives[0][j];
            double high = _objectives[0][j];
            for (int i = 0; i < _count; i++)
            {
                double v = _objectives[i][j];
                low = v < low ? v : low;
                high = v > high ? v : high;
            }

            ranges[j] = high - low;
        }

        int copyCount = _count;
        var copyGenes = new int[copyCount][];
        var copyObjectives = new double[copyCount][];
        var copyConstraints = new double[copyCount];
        for (int i = 0; i < copyCount; i++)
        {
            copyGenes[i] = (int[])_genes[i].Clone();
            copyObjectives[i] = (double[])_objectives[i].Clone();
            copyConstraints[i] = _constraints[i];
        }

        int a = 1;
        int b = 1 << 25;
        for (int step = 0; step < 25; step++)
        {
            int c = (a + b) / 2;
            for (int j = 0; j < _objectiveCount; j++)
            {
                _boxSize[j] = ranges[j] / c;
            }

            Clear();
            for (int i = 0; i < copyCount; i++)
            {
                Offer(copyGenes[i], copyObjectives[i], copyConstraints[i]);
            }

            if (_count <= lower)
            {
                a = c;
            }
            else
            {
                b = c;
            }
        }
    }
}
