using System.Runtime.CompilerServices;
namespace Encas.Gomea.Problems;

/// <summary>Bi-objective Zeromax–Onemax on a binary genome: <c>f0</c> counts zeros, <c>f1</c> counts ones.</summary>
/// <remarks>Every genome is Pareto optimal; the front is <c>{(i, l − i)}</c>, <c>l + 1</c> points.</remarks>
public sealed class ZeromaxOnemax : IObjectiveFunction
{
    /// <summary>Creates the problem for <paramref name="length"/> genes.</summary>
    /// <param name="length">Genome length.</param>
    public ZeromaxOnemax(int length)
    {
        Alphabet = GeneAlphabet.Binary(length);
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => 2;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        int zeros = 0;
        int ones = 0;
        foreach (int g in genes)
        {
            if (g == 0)
            {
                zeros++;
            }
            else if (g == 1)
            {
                ones++;
            }
        }

        objectives[0] = zeros;
        objectives[1] = ones;
        return EvaluationOutcome.Feasible;
    }

    /// <summary>The whole Pareto front, ordered by the number of zeros.</summary>
    /// <param name="length">Genome length.</param>
    /// <returns><c>l + 1</c> points.</returns>
    public static double[][] ParetoFront(int length) =>
        Enumerable.Range(0, length + 1).Select(i => new double[] { i, length - i }).ToArray();
}
