using System.Runtime.CompilerServices;
namespace Encas.Gomea.Problems;

/// <summary>LOTZ on a binary genome: <c>f0</c> = leading ones, <c>f1</c> = trailing zeros.</summary>
/// <remarks>The front is <c>{(i, l − i)}</c>, <c>l + 1</c> points.</remarks>
public sealed class LeadingOnesTrailingZeros : IObjectiveFunction
{
    /// <summary>Creates the problem.</summary>
    /// <param name="length">Genome length.</param>
    public LeadingOnesTrailingZeros(int length)
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
        int leading = 0;
        while (leading < genes.Length && genes[leading] != 0)
        {
            leading++;
        }

        int trailing = 0;
        while (trailing < genes.Length && genes[genes.Length - 1 - trailing] != 1)
        {
            trailing++;
        }

        objectives[0] = leading;
        objectives[1] = trailing;
        return EvaluationOutcome.Feasible;
    }

    /// <summary>The whole Pareto front.</summary>
    /// <param name="length">Genome length.</param>
    /// <returns><c>l + 1</c> points.</returns>
    public static double[][] ParetoFront(int length) => ZeromaxOnemax.ParetoFront(length);
}
