using System.Runtime.CompilerServices;
using Encas.Gomea.Random;

namespace Encas.Gomea.Model;

/// <summary>Builds a linkage tree (the family of subsets used by mixing) from a mutual-information matrix.</summary>
/// <remarks>
/// Agglomerative clustering with set-size-weighted average linkage, found with a nearest-neighbour chain, exactly as
/// the reference does it (Bosman and Thierens, GECCO 2013): the singletons come in a random order; the chain starts
/// at a random set; a nearest neighbour is the set with the largest similarity, the smaller set on exact ties, in
/// ascending index order; a neighbour that ties with the element two back is replaced by it; a reciprocal pair is
/// merged (members of the lower slot first), the merged set takes the lower slot and the last set moves into the
/// upper one. The result lists the 2l − 1 sets in creation order; the root is last.
/// </remarks>
internal static class LinkageTree
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[][] Build(double[] mi, int length, Lcg48 rng)
    {
        int l = length;
        var fos = new int[2 * l - 1][];
        var sets = new int[l][];
        int[] order = rng.RandomOrdering(l);
        for (int i = 0; i < l; i++)
        {
            sets[i] = [order[i]];
            fos[i] = sets[i];
        }

        int fosCount = l;
        var s = new double[l * l];
        for (int i = 0; i < l; i++)
        {
            for (int j = 0; j < l; j++)
            {
                s[i * l + j] = i == j ? 0 : mi[sets[i][0] * l + sets[j][0]];
            }
        }

        int setCount = l;
        var chain = new int[2 * l + 4];
        int chainLength = 0;
        while (setCount > 1)
        {
            if (chainLength == 0)
            {
                chain[chainLength++] = rng.NextInt(setCount);
            }

            while (chainLength < 3)
            {
                chain[chainLength] = NearestNeighbour(chain[chainLength - 1], s, l, sets, setCount);
                chainLength++;
            }

            while (chain[chainLength - 3] != chain[chainLength - 1])
            {
                int last = chain[chainLength - 1];
                int next = NearestNeighbour(last, s, l, sets, setCount);
                if (s[last * l + next] == s[last * l + chain[chainLength - 2]] && next != chain[chainLength - 2])
                {
                    next = chain[chainLength - 2];
                }

                chain[chainLength++] = next;
            }

            int r0 = Math.Min(chain[chainLength - 2], chain[chainLength - 1]);
            int r1 = Math.Max(chain[chainLength - 2], chain[chainLength - 1]);
            chainLength -= 3;

            // The pair may be stale when merges inside the chain changed the neighbour order; then it is skipped.
            if (r1 >= setCount)
            {
                continue;
            }

            int[] merged = [.. sets[r0], .. sets[r1]];
            fos[fosCount++] = merged;
            Merge(s, l, sets, setCount, r0, r1, merged);

            int lastSlot = setCount - 1;
            for (int i = 0; i < chainLength; i++)
            {
                if (chain[i] == lastSlot)
                {
                    chain[i] = r1;
                    break;
                }
            }

            setCount--;
        }

        return fos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(double[] s, int l, int[][] sets, int setCount, int r0, int r1, int[] merged)
    {
        double size0 = sets[r0].Length;
        double size1 = sets[r1].Length;
        double w0 = size0 / (size0 + size1);
        double w1 = size1 / (size0 + size1);
        for (int i = 0; i < setCount; i++)
        {
            if (i != r0 && i != r1)
            {
                double value = w0 * s[i * l + r0] + w1 * s[i * l + r1];
                s[i * l + r0] = value;
                s[r0 * l + i] = value;
            }
        }

        int lastSlot = setCount - 1;
        int newCount = setCount - 1;
        sets[r0] = merged;
        if (r1 < lastSlot)
        {
            sets[r1] = sets[lastSlot];
            for (int i = 0; i < r1; i++)
            {
                s[i * l + r1] = s[i * l + lastSlot];
                s[r1 * l + i] = s[i * l + r1];
            }

            for (int j = r1 + 1; j < newCount; j++)
            {
                s[r1 * l + j] = s[j * l + lastSlot];
                s[j * l + r1] = s[r1 * l + j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NearestNeighbour(int index, double[] s, int l, int[][] sets, int setCount)
    {
        int result = 0;
        if (result == index)
        {
            result++;
        }

        int row = index * l;
        for (int i = 1; i < setCount; i++)
        {
            double candidate = s[row + i];
            double current = s[row + result];
            bool closer = candidate > current || (candidate == current && sets[i].Length < sets[result].Length);
            if (closer && i != index)
            {
                result = i;
            }
        }

        return result;
    }
}
