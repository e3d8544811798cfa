namespace Encas.Inference.Compute;

/// <summary>What the MAC counter knows about one tensor of a graph: its shape for a given batch and, for small
/// integer tensors (shape arithmetic), its values.</summary>
/// <param name="Shape">Concrete dimensions; empty for a scalar.</param>
/// <param name="Values">The values, row-major, when known; null otherwise.</param>
internal sealed record TensorFacts(long[] Shape, long[]? Values = null)
{
    public int Rank => Shape.Length;

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => "[" + string.Join(",", Shape) + "]";
}
