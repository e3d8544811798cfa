using Encas.Gomea.Model;

namespace Encas.Gomea.Engine;

/// <summary>The working state of one generation's mixing: the model and the offspring being built.</summary>
/// <remarks>Donors always come from the parents; offspring are written to separate arrays.</remarks>
internal sealed class MixingContext
{
    public MixingContext(Population population, ClusterModel clusters, int[][][] fos)
    {
        Population = population;
        Clusters = clusters;
        Fos = fos;
        int l = population.Genes[0].Length;
        int m = population.Ranges.Length;
        OffspringGenes = new int[population.Size][];
        OffspringObjectives = new double[population.Size][];
        OffspringConstraints = new double[population.Size];
        for (int i = 0; i < population.Size; i++)
        {
            OffspringGenes[i] = new int[l];
            OffspringObjectives[i] = new double[m];
        }

        BackupGenes = new int[l];
        BackupObjectives = new double[m];
        DonorCopy = new int[l];
        Order = new int[Math.Max(0, 2 * l - 2)];
    }

    public Population Population { get; }

    public ClusterModel Clusters { get; }

    /// <summary>Linkage tree per cluster: 2l − 1 sets, the root last (never used for mixing).</summary>
    public int[][][] Fos { get; }

    public int[][] OffspringGenes { get; }

    public double[][] OffspringObjectives { get; }

    public double[] OffspringConstraints { get; }

    public int[] BackupGenes { get; }

    public double[] BackupObjectives { get; }

    public int[] DonorCopy { get; }

    public int[] Order { get; }

    /// <summary>How many offspring were built (all, unless an exact budget stopped the generation).</summary>
    public int Produced { get; set; }

    /// <summary>
    /// Offspring replace their parents one for one; unbuilt offspring (exact budget) leave parents as they are.
    /// </summary>
    public void ReplaceParents()
    {
        Population p = Population;
        for (int i = 0; i < Produced; i++)
        {
            (p.Genes[i], OffspringGenes[i]) = (OffspringGenes[i], p.Genes[i]);
            (p.Objectives[i], OffspringObjectives[i]) = (OffspringObjectives[i], p.Objectives[i]);
            p.Constraints[i] = OffspringConstraints[i];
        }
    }
}
