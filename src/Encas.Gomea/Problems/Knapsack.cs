using System.Runtime.CompilerServices;
using Encas.Gomea.Random;

namespace Encas.Gomea.Problems;

/// <summary>
/// Multi-objective 0/1 knapsack: maximise the profit in every knapsack, constraint = total overweight.
/// </summary>
/// <remarks>
/// <c>f_k = Σ_i p_k,i x_i</c>; constraint <c>Σ_k max(0, Σ_i w_k,i x_i − c_k)</c>. With repair on, an infeasible genome
/// is repaired in place by removing packed items in increasing order of <c>max_k p_k,i / w_k,i</c> (middle clusters)
/// or of <c>p_o,i / w_o,i</c> (extreme cluster of objective <c>o</c>) until every capacity holds; both orders come
/// from the reference merge sort.
/// </remarks>
public sealed class Knapsack : IObjectiveFunction
{
    private readonly KnapsackInstance _instance;
    private readonly int[] _leastProfitableOrder;
    private readonly int[][] _leastProfitableOrderPerObjective;
    private readonly double[] _profit;
    private readonly double[] _weight;

    /// <summary>Creates the problem.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="repair">Whether infeasible genomes are repaired in place.</param>
    public Knapsack(KnapsackInstance instance, bool repair)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
        Repair = repair;
        int m = instance.Capacities.Length;
        int n = instance.ItemCount;
        Alphabet = GeneAlphabet.Binary(n);
        _profit = new double[m];
        _weight = new double[m];

        var best = new double[n];
        for (int i = 0; i < n; i++)
        {
            best[i] = instance.Profits[0][i] / instance.Weights[0][i];
            for (int k = 1; k < m; k++)
            {
                double ratio = instance.Profits[k][i] / instance.Weights[k][i];
                if (ratio > best[i])
                {
                    best[i] = ratio;
                }
            }
        }

        _leastProfitableOrder = ReferenceMergeSort.SortOrder(best);
        _leastProfitableOrderPerObjective = new int[m][];
        var ratios = new double[n];
        for (int k = 0; k < m; k++)
        {
            for (int i = 0; i < n; i++)
            {
                ratios[i] = instance.Profits[k][i] / instance.Weights[k][i];
            }

            _leastProfitableOrderPerObjective[k] = ReferenceMergeSort.SortOrder(ratios);
        }
    }

    /// <summary>Whether infeasible genomes are repaired in place.</summary>
    public bool Repair { get; }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => _instance.Capacities.Length;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        int m = ObjectiveCount;
        double constraint = 0.0;
        for (int k = 0; k < m; k++)
        {
            double[] p = _instance.Profits[k];
            double[] w = _instance.Weights[k];
            double profit = 0.0;
            double weight = 0.0;
            for (int i = 0; i < genes.Length; i++)
            {
                profit += genes[i] * p[i];
                weight += genes[i] * w[i];
            }

            _profit[k] = profit;
            _weight[k] = weight;
            if (weight > _instance.Capacities[k])
            {
                constraint += weight - _instance.Capacities[k];
            }
        }

        if (Repair && constraint > 0)
        {
            int[] order = extremeObjective < 0 ? _leastProfitableOrder
                : _leastProfitableOrderPerObjective[extremeObjective];
            constraint = RepairInPlace(genes, order);
        }

        for (int k = 0; k < m; k++)
        {
            objectives[k] = _profit[k];
        }

        return new EvaluationOutcome(constraint);
    }

    private double RepairInPlace(Span<int> genes, int[] order)
    {
        int m = ObjectiveCount;
        foreach (int item in order)
        {
            if (genes[item] == 0)
            {
                continue;
            }

            genes[item] = 0;
            bool feasible = true;
            for (int k = 0; k < m; k++)
            {
                _profit[k] -= _instance.Profits[k][item];
                _weight[k] -= _instance.Weights[k][item];
                if (_weight[k] > _instance.Capacities[k])
                {
                    feasible = false;
                }
            }

            if (feasible)
            {
                break;
            }
        }

        double constraint = 0.0;
        for (int k = 0; k < m; k++)
        {
            if (_weight[k] > _instance.Capacities[k])
            {
                constraint += _weight[k] - _instance.Capacities[k];
            }
        }

        return constraint;
    }
}
