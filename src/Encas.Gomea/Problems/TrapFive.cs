using System.Runtime.CompilerServices;
namespace Encas.Gomea.Problems;

/// <summary>Deceptive Trap-5 against Inverse Trap-5, tight encoding, on a binary genome.</summary>
/// <remarks>
/// Consecutive blocks of five genes. For a block with <c>u</c> copies of the counted symbol the value is 5 when
/// <c>u = 5</c> and <c>4 − u</c> otherwise; <c>f0</c> counts ones, <c>f1</c> counts zeros, summed over the blocks.
/// </remarks>
public sealed class TrapFive : IObjectiveFunction
{
    private const int BlockSize = 5;

    /// <summary>Creates the problem.</summary>
    /// <param name="length">Genome length, a multiple of 5.</param>
    /// <exception cref="ArgumentException">The length is not a multiple of 5.</exception>
    public TrapFive(int length)
    {
        if (length <= 0 || length % BlockSize != 0)
        {
            throw new ArgumentException($"trap-5 needs a length that is a positive multiple of 5 (got {length})");
        }

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
        objectives[0] = Trap(genes, 1);
        objectives[1] = Trap(genes, 0);
        return EvaluationOutcome.Feasible;
    }

    private static double Trap(ReadOnlySpan<int> genes, int symbol)
    {
        double total = 0.0;
        for (int start = 0; start < genes.Length; start += BlockSize)
        {
            int u = 0;
            for (int j = 0; j < BlockSize; j++)
            {
                u += genes[start + j] == symbol ? 1 : 0;
            }

            total += u == BlockSize ? BlockSize : BlockSize - 1 - u;
        }

        return total;
    }

    /// <summary>The whole Pareto front: <c>{(5i + 4(b − i), 5(b − i) + 4i)}</c> for <c>b = l/5</c> blocks.</summary>
    /// <param name="length">Genome length.</param>
    /// <returns><c>b + 1</c> points.</returns>
    public static double[][] ParetoFront(int length)
    {
        int b = length / BlockSize;
        return Enumerable.Range(0, b + 1)
            .Select(i => new double[] { 5 * i + 4 * (b - i), 5 * (b - i) + 4 * i })
            .ToArray();
    }
}
