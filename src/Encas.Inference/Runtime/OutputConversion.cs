namespace Encas.Inference.Runtime;

/// <summary>Turns raw classifier outputs into half-precision softmax probabilities.</summary>
public static class OutputConversion
{
    /// <summary>How far a row sum may be from 1 for the output to count as probabilities.</summary>
    public const double ProbabilitySumTolerance = 1e-3;

    /// <summary>True when every row is non-negative, finite and sums to 1 within
    /// <see cref="ProbabilitySumTolerance"/>.</summary>
    public static bool LooksLikeProbabilities(ReadOnlySpan<float> values, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        for (int start = 0; start + classes <= values.Length; start += classes)
        {
            double sum = 0;
            foreach (float v in values.Slice(start, classes))
            {
                if (!(v >= 0) || float.IsInfinity(v))
                {
                    return false;
                }

                sum += v;
            }

            if (Math.Abs(sum - 1) > ProbabilitySumTolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="values"/> as half: probabilities rounded to the nearest half, logits
    /// through a float64 softmax (max-subtracted) rounded to the nearest half.</summary>
    public static void ToHalf(ReadOnlySpan<float> values, Span<Half> target, int classes, OutputKind kind)
    {
        if (target.Length != values.Length)
        {
            throw new ArgumentException("target and values differ in length", nameof(target));
        }

        if (kind == OutputKind.Probabilities)
        {
            for (int i = 0; i < values.Length; i++)
            {
                target[i] = (Half)values[i];
            }

            return;
        }

        Span<double> exp = classes <= 1024 ? stackalloc double[classes] : new double[classes];
        for (int start = 0; start < values.Length; start += classes)
        {
            var row = values.Slice(start, classes);
            double max = double.NegativeInfinity;
            foreach (float v in row)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (int c = 0; c < classes; c++)
            {
                exp[c] = Math.Exp(row[c] - max);
                sum += exp[c];
            }

            for (int c = 0; c < classes; c++)
            {
                target[start + c] = (Half)(exp[c] / sum);
            }
        }
    }
}
