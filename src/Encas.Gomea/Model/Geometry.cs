namespace Encas.Gomea.Model;

/// <summary>
/// Euclidean distance summed in the reference's order (dimension by dimension, then one square root).
/// </summary>
internal static class Geometry
{
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = y[i] - x[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }
}
