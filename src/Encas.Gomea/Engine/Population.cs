namespace Encas.Gomea.Engine;

/// <summary>The state of one population of the interleaved multi-start scheme.</summary>
internal sealed class Population
{
    public Population(int size, int clusterCount, int geneCount, int objectiveCount)
    {
        Size = size;
        ClusterCount = clusterCount;
        Genes = new int[size][];
        Objectives = new double[size][];
        Constraints = new double[size];
        Ranges = new double[objectiveCount];
        for (int i = 0; i < size; i++)
        {
            Genes[i] = new int[geneCount];
            Objectives[i] = new double[objectiveCount];
        }

        Active = true;
    }

    public int Size { get; }

    public int ClusterCount { get; }

    public int[][] Genes { get; set; }

    public double[][] Objectives { get; set; }

    public double[] Constraints { get; set; }

    /// <summary>Max − min of every objective over the population.</summary>
    public double[] Ranges { get; }

    /// <summary>Number of steps run (initialisation counts as one): the reference's generation counter.</summary>
    public int Steps { get; set; }

    /// <summary>The no-improvement stretch <c>t_NIS</c>.</summary>
    public int NoImprovementStretch { get; set; }

    /// <summary>False once a larger population's front covered this one's (option -z).</summary>
    public bool Active { get; set; }

    /// <summary>The population's non-dominated objective vectors after its last step (option -z only).</summary>
    public double[][] Front { get; set; } = [];

    public void ComputeRanges()
    {
        for (int j = 0; j < Ranges.Length; j++)
        {
            double low = Objectives[0][j];
            double high = Objectives[0][j];
            for (int i = 0; i < Size; i++)
            {
                double v = Objectives[i][j];
                low = v < low ? v : low;
                high = v > high ? v : high;
            }

            Ranges[j] = high - low;
        }
    }
}
