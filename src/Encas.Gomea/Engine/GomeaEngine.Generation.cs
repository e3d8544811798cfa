using System.Runtime.CompilerServices;
using Encas.Gomea.Model;

namespace Encas.Gomea.Engine;

public sealed partial class GomeaEngine
{
    // Uniform random genomes, each evaluated and offered to the archive with the plain rule, then objective ranges.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Initialise(Population population)
    {
        ReadOnlySpan<int> lower = _problem.Alphabet.Lower;
        ReadOnlySpan<int> upper = _problem.Alphabet.Upper;
        for (int i = 0; i < population.Size; i++)
        {
            int[] genes = population.Genes[i];
            for (int j = 0; j < _geneCount; j++)
            {
                genes[j] = lower[j] + _rng.NextInt(upper[j] - lower[j]);
            }

            population.Constraints[i] = Evaluate(genes, population.Objectives[i], -1);
            _archive.Offer(genes, population.Objectives[i], population.Constraints[i]);
        }

        population.NoImprovementStretch = 0;
        population.ComputeRanges();
    }

    // One generation: learn the model (clusters, extreme clusters, one linkage tree per cluster), build one offspring
    // per parent by gene-pool optimal mixing, replace parents by offspring, then update ranges, discretisation, t_NIS.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunGeneration(Population population)
    {
        ClusterModel clusters = ObjectiveClustering.Build(
            population.Objectives, population.Ranges, population.ClusterCount, _rng);
        var fos = new int[clusters.Count][][];
        for (int c = 0; c < clusters.Count; c++)
        {
            _entropy.Compute(population.Genes, clusters.Members[c], clusters.ClusterSize, _mi);
            fos[c] = LinkageTree.Build(_mi, _geneCount, _rng);
        }

        var context = new MixingContext(population, clusters, fos);
        int[][] memberships = MembershipsPerParent(clusters, population.Size);

        _frontChanged = false;
        var scaled = new double[_objectiveCount];
        for (int i = 0; i < population.Size; i++)
        {
            int cluster = PickCluster(population, clusters, memberships[i], i, scaled);
            int extreme = clusters.ExtremeObjective[cluster];
            if (extreme == -1)
            {
                MixMultiObjective(context, cluster, i);
            }
            else
            {
                MixSingleObjective(context, cluster, extreme, i);
            }

            context.Produced = i + 1;
            if (_budgetReached)
            {
                break;
            }
        }

        population.NoImprovementStretch = _frontChanged ? 0 : population.NoImprovementStretch + 1;
        context.ReplaceParents();
        population.ComputeRanges();
        _archive.AdaptDiscretisation(_options.ArchiveTarget);
    }

    private static int[][] MembershipsPerParent(ClusterModel clusters, int size)
    {
        var lists = new List<int>[size];
        for (int c = 0; c < clusters.Count; c++)
        {
            for (int t = 0; t < clusters.ClusterSize; t++)
            {
                int member = clusters.Members[c][t];
                (lists[member] ??= []).Add(c);
            }
        }

        var result = new int[size][];
        for (int i = 0; i < size; i++)
        {
            result[i] = lists[i] is { } list ? [.. list] : [];
        }

        return result;
    }

    // A parent in at least one cluster picks one of them at random; otherwise the cluster with the nearest mean.
    private int PickCluster(Population population, ClusterModel clusters, int[] memberOf, int parent, double[] scaled)
    {
        if (memberOf.Length > 0)
        {
            return memberOf[_rng.NextInt(memberOf.Length)];
        }

        for (int j = 0; j < _objectiveCount; j++)
        {
            scaled[j] = population.Objectives[parent][j] / population.Ranges[j];
        }

        int nearest = -1;
        double smallest = -1;
        for (int c = 0; c < clusters.Count; c++)
        {
            double d = Geometry.Distance(scaled, clusters.Means[c]);
            if (smallest < 0 || d < smallest)
            {
                nearest = c;
                smallest = d;
            }
        }

        return nearest;
    }
}
