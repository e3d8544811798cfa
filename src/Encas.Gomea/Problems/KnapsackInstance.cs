namespace Encas.Gomea.Problems;

/// <summary>
/// A multi-objective 0/1 knapsack instance: per knapsack a capacity and per item a weight and a profit.
/// </summary>
public sealed class KnapsackInstance
{
    /// <summary>Creates an instance from its numbers.</summary>
    /// <param name="capacities">One capacity per knapsack (objective).</param>
    /// <param name="weights">Weights, indexed [knapsack][item].</param>
    /// <param name="profits">Profits, indexed [knapsack][item].</param>
    public KnapsackInstance(double[] capacities, double[][] weights, double[][] profits)
    {
        Capacities = capacities;
        Weights = weights;
        Profits = profits;
    }

    /// <summary>One capacity per knapsack.</summary>
    public double[] Capacities { get; }

    /// <summary>Weights, indexed [knapsack][item].</summary>
    public double[][] Weights { get; }

    /// <summary>Profits, indexed [knapsack][item].</summary>
    public double[][] Profits { get; }

    /// <summary>The number of items (genes).</summary>
    public int ItemCount => Weights[0].Length;

    /// <summary>Reads a Zitzler–Thiele file (<c>knapsack.&lt;items&gt;.&lt;knapsacks&gt;.txt</c>).</summary>
    /// <remarks>
    /// Format: a header of two integers (knapsacks, items), then per knapsack its capacity followed by, for every
    /// item, its index, weight and profit. Signs such as <c>+94</c> are accepted.
    /// </remarks>
    /// <param name="path">The instance file.</param>
    /// <param name="items">The expected number of items (the genome length).</param>
    /// <param name="knapsacks">The expected number of knapsacks (objectives).</param>
    /// <returns>The instance.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and line.</exception>
    public static KnapsackInstance Read(string path, int items, int knapsacks = 2)
    {
        var reader = new InstanceTokenReader(path);
        int fileKnapsacks = reader.NextInt("(number of knapsacks)");
        int fileItems = reader.NextInt("(number of items)");
        if (fileKnapsacks != knapsacks || fileItems != items)
        {
            throw reader.Error($"header says {fileKnapsacks} knapsacks and {fileItems} items; " +
                $"expected {knapsacks} and {items}");
        }

        var capacities = new double[knapsacks];
        var weights = new double[knapsacks][];
        var profits = new double[knapsacks][];
        for (int k = 0; k < knapsacks; k++)
        {
            capacities[k] = reader.NextDouble($"(capacity of knapsack {k + 1})");
            weights[k] = new double[items];
            profits[k] = new double[items];
            for (int i = 0; i < items; i++)
            {
                reader.NextInt($"(index of item {i + 1} in knapsack {k + 1})");
                weights[k][i] = reader.NextInt($"(weight of item {i + 1} in knapsack {k + 1})");
                profits[k][i] = reader.NextInt($"(profit of item {i + 1} in knapsack {k + 1})");
                if (weights[k][i] <= 0)
                {
                    throw reader.Error($"weight of item {i + 1} in knapsack {k + 1} must be positive");
                }
            }
        }

        return new KnapsackInstance(capacities, weights, profits);
    }
}
