using System.Runtime.CompilerServices;
using Encas.Gomea.Random;

namespace Encas.Gomea.Model;

/// <summary>Clusters a population in objective space the way the reference does, and picks extreme clusters.</summary>
/// <remarks>
/// Steps: scale every objective by dividing by the population's range (no minimum subtracted, a zero range left
/// unguarded); pick k leaders by greedy scattered subset selection; run k-means from the leaders until the summed
/// mean shift is at most 1e-10 (an empty cluster yields NaN and ends the loop); give every cluster the ⌊2N/k⌋ points
/// nearest its mean, its own k-means members first (reference merge sort); recompute the means; then, in a random
/// order of the objectives, make the unassigned cluster with the largest mean in that objective its extreme cluster.
/// </remarks>
internal static class ObjectiveClustering
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ClusterModel Build(double[][] objectives, ReadOnlySpan<double> ranges, int k, Lcg48 rng)
    {
        int n = objectives.Length;
        int m = ranges.Length;
        int clusterSize = 2 * n / k;

        var scaled = new double[n][];
        for (int i = 0; i < n; i++)
        {
            scaled[i] = new double[m];
            for (int j = 0; j < m; j++)
            {
                scaled[i][j] = objectives[i][j] / ranges[j];
            }
        }

        int[] leaders = SelectLeaders(scaled, k, rng);
        var means = new double[k][];
        for (int c = 0; c < k; c++)
        {
            means[c] = new double[m];
            for (int j = 0; j < m; j++)
            {
                means[c][j] = objectives[leaders[c]][j] / ranges[j];
            }
        }

        var kmeansMembers = new int[k][];
        var kmeansSizes = new int[k];
        RunKMeans(scaled, means, kmeansMembers, kmeansSizes);

        var members = new int[k][];
        var distances = new double[n];
        var scratch = new int[n];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < n; i++)
            {
                distances[i] = Geometry.Distance(scaled[i], means[c]);
            }

            for (int t = 0; t < kmeansSizes[c]; t++)
            {
                distances[kmeansMembers[c][t]] = 0;
            }

            members[c] = new int[n];
            ReferenceMergeSort.SortOrder(distances, members[c], scratch);
        }

        for (int c = 0; c < k; c++)
        {
            Array.Clear(means[c]);
            for (int t = 0; t < clusterSize; t++)
            {
                double[] point = scaled[members[c][t]];
                for (int j = 0; j < m; j++)
                {
                    means[c][j] += point[j];
                }
            }

            for (int j = 0; j < m; j++)
            {
                means[c][j] /= clusterSize;
            }
        }

        int[] extreme = AssignExtremeClusters(means, m, rng);
        return new ClusterModel(clusterSize, members, means, extreme);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunKMeans(double[][] scaled, double[][] means, int[][] members, int[] sizes)
    {
        int n = scaled.Length;
        int k = means.Length;
        int m = means[0].Length;
        var next = new double[k][];
        for (int c = 0; c < k; c++)
        {
            members[c] = new int[n];
            next[c] = new double[m];
        }

        double shift = 1e+308;
        while (shift > 1e-10)
        {
            for (int c = 0; c < k; c++)
            {
                sizes[c] = 0;
                Array.Clear(next[c]);
            }

            for (int i = 0; i < n; i++)
            {
                int nearest = -1;
                double smallest = -1;
                for (int c = 0; c < k; c++)
                {
                    double d = Geometry.Distance(scaled[i], means[c]);
                    if (smallest < 0 || d < smallest)
                    {
                        nearest = c;
                        smallest = d;
                    }
                }

                members[nearest][sizes[nearest]++] = i;
                for (int j = 0; j < m; j++)
                {
                    next[nearest][j] += scaled[i][j];
                }
            }

            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < m; j++)
                {
                    next[c][j] /= sizes[c];
                }
            }

            shift = 0;
            for (int c = 0; c < k; c++)
            {
                shift += Geometry.Distance(means[c], next[c]);
                next[c].CopyTo(means[c], 0);
            }
        }
    }

    // Greedy scattered subset selection: the largest point in a random objective, then repeatedly the point farthest
    // from its nearest chosen leader; a chosen candidate's slot is filled by the last candidate.
    private static int[] SelectLeaders(double[][] points, int count, Lcg48 rng)
    {
        int n = points.Length;
        if (count > n)
        {
            throw new InvalidOperationException($"cannot select {count} leaders from {n} points");
        }

        var result = new int[count];
        var left = new int[n];
        for (int i = 0; i < n; i++)
        {
            left[i] = i;
        }

        int dimension = rng.NextInt(points[0].Length);
        int best = 0;
        double bestValue = points[left[0]][dimension];
        for (int i = 1; i < n; i++)
        {
            if (points[left[i]][dimension] > bestValue)
            {
                best = i;
                bestValue = points[left[i]][dimension];
            }
        }

        int selected = 0;
        result[selected] = left[best];
        left[best] = left[n - selected - 1];
        selected++;

        var nearest = new double[n];
        for (int i = 0; i < n - selected; i++)
        {
            nearest[i] = Geometry.Distance(points[left[i]], points[result[selected - 1]]);
        }

        while (selected < count)
        {
            best = 0;
            bestValue = nearest[0];
            for (int i = 1; i < n - selected; i++)
            {
                if (nearest[i] > bestValue)
                {
                    best = i;
                    bestValue = nearest[i];
                }
            }

            result[selected] = left[best];
            left[best] = left[n - selected - 1];
            nearest[best] = nearest[n - selected - 1];
            selected++;

            for (int i = 0; i < n - selected; i++)
            {
                double d = Geometry.Distance(points[left[i]], points[result[selected - 1]]);
                if (d < nearest[i])
                {
                    nearest[i] = d;
                }
            }
        }

        return result;
    }

    private static int[] AssignExtremeClusters(double[][] means, int objectives, Lcg48 rng)
    {
        int k = means.Length;
        int[] order = rng.RandomOrdering(objectives);
        var extreme = new int[k];
        Array.Fill(extreme, -1);
        if (k <= 1)
        {
            return extreme;
        }

        foreach (int o in order)
        {
            int best = -1;
            for (int c = 0; c < k; c++)
            {
                if ((best == -1 || means[c][o] > means[best][o]) && extreme[c] == -1)
                {
                    best = c;
                }
            }

            extreme[best] = o;
        }

        return extreme;
    }
}
