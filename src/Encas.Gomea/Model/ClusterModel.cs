namespace Encas.Gomea.Model;

/// <summary>One generation's clustering of a population in objective space.</summary>
/// <remarks>
/// Every cluster holds exactly <see cref="ClusterSize"/> members (⌊2N/k⌋); clusters overlap and some population
/// members may be in none. Means are in the range-scaled objective space.
/// </remarks>
internal sealed class ClusterModel
{
    public ClusterModel(int clusterSize, int[][] members, double[][] means, int[] extremeObjective)
    {
        ClusterSize = clusterSize;
        Members = members;
        Means = means;
        ExtremeObjective = extremeObjective;
    }

    /// <summary>Members per cluster.</summary>
    public int ClusterSize { get; }

    /// <summary>Population indices per cluster; only the first <see cref="ClusterSize"/> entries count.</summary>
    public int[][] Members { get; }

    /// <summary>Cluster means in scaled objective space, recomputed from the final members.</summary>
    public double[][] Means { get; }

    /// <summary>Per cluster: the objective it is the extreme cluster of, or −1 for a middle cluster.</summary>
    public int[] ExtremeObjective { get; }

    public int Count => Members.Length;
}
