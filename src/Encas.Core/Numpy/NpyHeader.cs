namespace Encas.Core.Numpy;

/// <summary>The parsed header of a NumPy <c>.npy</c> array: element type, byte order and shape.</summary>
/// <param name="Descr">The NumPy type string without byte order, e.g. <c>f2</c>, <c>f4</c>, <c>i8</c>.</param>
/// <param name="BigEndian">True when the data are stored big-endian (<c>&gt;</c>).</param>
/// <param name="Shape">The array shape, C order.</param>
public sealed record NpyHeader(string Descr, bool BigEndian, IReadOnlyList<long> Shape)
{
    /// <summary>Bytes per element, from the type string (<c>f2</c> is 2, <c>i8</c> is 8, ...).</summary>
    public int ItemSize => int.Parse(Descr.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The kind letter: <c>f</c> float, <c>i</c> signed, <c>u</c> unsigned, <c>b</c> bool.</summary>
    public char Kind => Descr[0];

    /// <summary>Number of elements (product of the shape).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The type as NumPy prints it, with byte order, for error messages.</summary>
    public string Display => (BigEndian ? ">" : "<") + Descr;

    /// <summary>The shape as NumPy prints it, for error messages.</summary>
    public string ShapeText => Shape.Count == 1 ? $"({Shape[0]},)" : "(" + string.Join(", ", Shape) + ")";
}
