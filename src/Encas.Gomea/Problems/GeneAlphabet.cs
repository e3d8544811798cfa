namespace Encas.Gomea.Problems;

/// <summary>
/// The value range of every gene: gene <c>j</c> takes the integers in [<c>Lower[j]</c>, <c>Upper[j]</c>).
/// </summary>
/// <remarks>The upper bound is exclusive, as in the ENCAS build of the reference (it is not an alphabet
/// size).</remarks>
public sealed class GeneAlphabet
{
    private readonly int[] _lower;
    private readonly int[] _upper;

    /// <summary>Creates an alphabet from per-gene bounds.</summary>
    /// <param name="lower">Inclusive lower bounds.</param>
    /// <param name="upper">Exclusive upper bounds.</param>
    /// <exception cref="ArgumentException">The lengths differ, or a gene has fewer than one value.</exception>
    public GeneAlphabet(IReadOnlyList<int> lower, IReadOnlyList<int> upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Count != upper.Count)
        {
            throw new ArgumentException($"{lower.Count} lower bounds but {upper.Count} upper bounds");
        }

        _lower = [.. lower];
        _upper = [.. upper];
        for (int j = 0; j < _lower.Length; j++)
        {
            if (_upper[j] <= _lower[j])
            {
                throw new ArgumentException($"gene {j}: upper bound {_upper[j]} is not above lower bound {_lower[j]}");
            }
        }
    }

    /// <summary>The number of genes.</summary>
    public int Length => _lower.Length;

    /// <summary>Inclusive lower bounds.</summary>
    public ReadOnlySpan<int> Lower => _lower;

    /// <summary>Exclusive upper bounds.</summary>
    public ReadOnlySpan<int> Upper => _upper;

    /// <summary>The number of values gene <paramref name="gene"/> can take.</summary>
    /// <param name="gene">Gene index.</param>
    /// <returns><c>Upper − Lower</c>.</returns>
    public int Cardinality(int gene) => _upper[gene] - _lower[gene];

    /// <summary>
    /// An alphabet of <paramref name="length"/> genes that all take values in [0, <paramref name="size"/>).
    /// </summary>
    /// <param name="length">Number of genes.</param>
    /// <param name="size">Values per gene.</param>
    /// <returns>The alphabet.</returns>
    public static GeneAlphabet Uniform(int length, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new GeneAlphabet(new int[length], Enumerable.Repeat(size, length).ToArray());
    }

    /// <summary>A binary alphabet of <paramref name="length"/> genes.</summary>
    /// <param name="length">Number of genes.</param>
    /// <returns>The alphabet.</returns>
    public static GeneAlphabet Binary(int length) => Uniform(length, 2);
}
