using System.Runtime.CompilerServices;
namespace Encas.Gomea.Problems;

/// <summary>Zeromax–Onemax over integer genes: <c>f0 = Σ(ub_j − 1 − x_j)</c>, <c>f1 = Σ(x_j − lb_j)</c>.</summary>
/// <remarks>
/// The test problem the reference measurements of integer alphabets used. Every genome is Pareto optimal; the front
/// has <c>Σ(ub_j − lb_j − 1) + 1</c> points.
/// </remarks>
public sealed class IntegerZeromaxOnemax : IObjectiveFunction
{
    /// <summary>Creates the problem over the given alphabet.</summary>
    /// <param name="alphabet">Per-gene ranges.</param>
    public IntegerZeromaxOnemax(GeneAlphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        Alphabet = alphabet;
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => 2;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        ReadOnlySpan<int> lower = Alphabet.Lower;
        ReadOnlySpan<int> upper = Alphabet.Upper;
        long down = 0;
        long up = 0;
        for (int j = 0; j < genes.Length; j++)
        {
            down += upper[j] - 1 - genes[j];
            up += genes[j] - lower[j];
        }

        objectives[0] = down;
        objectives[1] = up;
        return EvaluationOutcome.Feasible;
    }

    /// <summary>The whole Pareto front, ordered by <c>f1</c>.</summary>
    /// <returns>All points <c>(S − i, i)</c> with <c>S = Σ(ub_j − lb_j − 1)</c>.</returns>
    public double[][] ParetoFront()
    {
        int span = 0;
        for (int j = 0; j < Alphabet.Length; j++)
        {
            span += Alphabet.Cardinality(j) - 1;
        }

        return Enumerable.Range(0, span + 1).Select(i => new double[] { span - i, i }).ToArray();
    }
}
