using System.Runtime.CompilerServices;

namespace Encas.Gomea.Archive;

public sealed partial class ElitistArchive
{
    // The replacement rule: the candidate's Hamming distance to its nearest member other than the twin must exceed the
    // twin's own nearest-member distance. Decided without computing the candidate's full minimum: one member at
    // distance ≤ the twin's settles it. The twin's distance is cached until the archive changes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsMoreDiverseThanTwin(ReadOnlySpan<int> genes, int twin)
    {
        if (_count < 2)
        {
            return false;
        }

        bool packed = _packedUsable && GeneDistance.TryPackBinary(genes, _packedCandidate);
        int twinDistance = _nearestDistance[twin];
        if (twinDistance < 0)
        {
            twinDistance = packed
                ? NearestPackedDistance(_packed[twin], twin)
                : NearestHammingDistance(_genes[twin], twin);
            _nearestDistance[twin] = twinDistance;
        }

        for (int i = 0; i < _count; i++)
        {
            if (i == twin)
            {
                continue;
            }

            int distance = packed
                ? GeneDistance.Hamming(_packedCandidate, _packed[i], twinDistance + 1)
                : GeneDistance.Hamming(genes, _genes[i], twinDistance + 1);
            if (distance <= twinDistance)
            {
                return false;
            }
        }

        return true;
    }

    private int NearestHammingDistance(ReadOnlySpan<int> genes, int excluded)
    {
        int best = -1;
        for (int i = 0; i < _count; i++)
        {
            if (i == excluded)
            {
                continue;
            }

            int distance = GeneDistance.Hamming(genes, _genes[i], best < 0 ? int.MaxValue : best);
            if (best < 0 || distance < best)
            {
                best = distance;
            }
        }

        return best;
    }

    private int NearestPackedDistance(ulong[] bits, int excluded)
    {
        int best = -1;
        for (int i = 0; i < _count; i++)
        {
            if (i == excluded)
            {
                continue;
            }

            int distance = GeneDistance.Hamming(bits, _packed[i], best < 0 ? int.MaxValue : best);
            if (best < 0 || distance < best)
            {
                best = distance;
            }
        }

        return best;
    }

    // Binary genomes are also kept as bit sets for fast Hamming distances; one non-binary member turns this off.
    private void PackMember(int index)
    {
        if (_packedUsable && !GeneDistance.TryPackBinary(_genes[index], _packed[index]))
        {
            _packedUsable = false;
        }
    }

    private void InvalidateDistances() =>
        Array.Fill(_nearestDistance, -1, 0, Math.Min(_count + 1, _nearestDistance.Length));
}
