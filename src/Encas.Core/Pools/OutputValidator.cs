namespace Encas.Core.Pools;

/// <summary>
/// Checks that a model's stored outputs are softmax probabilities: finite, in [0, 1], rows summing to 1
/// within a tolerance (which catches logits passed off as probabilities), and that labels are in range.
/// Errors name the file, the model and the row.
/// </summary>
public static class OutputValidator
{
    /// <summary>The default allowed distance of a row sum from 1 (half rounding stays far below it).</summary>
    public const double DefaultSumTolerance = 0.01;

    /// <summary>Validates a row-major matrix of <paramref name="cols"/> classes.</summary>
    /// <param name="values">The stored values.</param>
    /// <param name="cols">Classes per row.</param>
    /// <param name="where">File and model, e.g. <c>output_distrs_val/3.npy.gz (model 3 'cnn')</c>.</param>
    /// <param name="tolerance">Allowed |row sum − 1|.</param>
    public static void Validate(ReadOnlySpan<Half> values, int cols, string where, double tolerance)
    {
        int rows = values.Length / cols;
        for (int r = 0; r < rows; r++)
        {
            var row = values.Slice(r * cols, cols);
            double sum = 0;
            for (int c = 0; c < cols; c++)
            {
                double v = (double)row[c];
                if (double.IsNaN(v))
                {
                    throw new InvalidDataException($"{where}: row {r}, class {c} is NaN");
                }

                if (v < 0)
                {
                    throw new InvalidDataException(
                        $"{where}: row {r}, class {c} is {v:G4}: negative, so these are not probabilities "
                        + "(logits? apply softmax first)");
                }

                if (v > 1)
                {
                    throw new InvalidDataException(
                        $"{where}: row {r}, class {c} is {v:G4}: above 1, so these are not probabilities "
                        + "(logits? apply softmax first)");
                }

                sum += v;
            }

            if (Math.Abs(sum - 1) > tolerance)
            {
                throw new InvalidDataException(
                    $"{where}: row {r} sums to {sum:F4}, not 1 (±{tolerance}): not softmax probabilities");
            }
        }
    }

    /// <summary>Checks that every label is a class index in [0, <paramref name="classes"/>).</summary>
    public static void ValidateLabels(ReadOnlySpan<int> labels, int classes, string file)
    {
        for (int r = 0; r < labels.Length; r++)
        {
            if ((uint)labels[r] >= (uint)classes)
            {
                throw new InvalidDataException(
                    $"{file}: row {r}: label {labels[r]} is outside [0, {classes}) for {classes} classes");
            }
        }
    }

    /// <summary>Top-1 accuracy in % of a row-major matrix against labels; ties go to the lowest class.</summary>
    public static double Accuracy(ReadOnlySpan<Half> values, int cols, ReadOnlySpan<int> labels)
    {
        int correct = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            var row = values.Slice(r * cols, cols);
            int best = 0;
            for (int c = 1; c < cols; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            correct += best == labels[r] ? 1 : 0;
        }

        return labels.Length == 0 ? 0 : 100.0 * correct / labels.Length;
    }
}
