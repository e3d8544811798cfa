namespace Encas.Inference.Data;

/// <summary>One split of a dataset in memory: float32 inputs, row-major, and one integer label per sample.</summary>
/// <param name="Name">The split's name (<c>val</c> or <c>test</c>).</param>
/// <param name="Inputs">All inputs, sample after sample; each sample holds the product of
/// <paramref name="SampleShape"/> values.</param>
/// <param name="SampleShape">The shape of one sample (the input shape without the batch axis).</param>
/// <param name="Labels">The class index of each sample.</param>
/// <param name="InputsFile">The file the inputs came from, for error messages.</param>
/// <param name="LabelsFile">The file the labels came from, for error messages.</param>
public sealed record DatasetSplit(
    string Name,
    float[] Inputs,
    IReadOnlyList<long> SampleShape,
    int[] Labels,
    string InputsFile,
    string LabelsFile)
{
    /// <summary>Number of samples.</summary>
    public int Samples => Labels.Length;

    /// <summary>Values per sample (the product of <see cref="SampleShape"/>).</summary>
    public int SampleSize => (int)SampleShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The shape as NumPy prints it with the sample axis first, e.g. <c>(N, 1, 28, 28)</c>.</summary>
    public string ShapeText => "(N, " + string.Join(", ", SampleShape) + ")";

    /// <summary>Returns the first <paramref name="count"/> samples (all if there are fewer).</summary>
    public DatasetSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int n = Math.Min(count, Samples);
        return this with { Inputs = Inputs[..(n * SampleSize)], Labels = Labels[..n] };
    }
}
