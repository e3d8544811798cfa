namespace Encas.Core.Bench;

/// <summary>
/// One synthetic model on one split: a latent margin per sample, <c>u = skill − difficulty + noise</c>, decides
/// whether the model is right (u &gt; 0) and how confident it is; <c>skill</c> is set so that exactly
/// round(target × N) samples have u &gt; 0, which pins the model's top-1 accuracy to its target. Rows are
/// softmax-like vectors built from u with a per-row random stream, so any row can be regenerated alone.
/// </summary>
/// <remarks>
/// Row construction (probabilities before rounding to half): the predicted class (the label when u &gt; 0,
/// otherwise one of the sample's shared confusers, the first most often) gets
/// <c>p = 0.1 + 0.9 · σ(a + 2.5 u)</c> with a per-model offset <c>a</c> in [0.5, 1.5]; of the rest, 35–75 %
/// goes to a runner-up (the first confuser when right; the label or the next confuser when wrong), 10–30 % and
/// 5–15 % of what is left to the remaining two of label and confusers, and the remainder to all other classes
/// with weights in [1, 4]. No class other than the predicted one may exceed 0.85 p (excess moves to p), so the
/// stored argmax is the intended class even after rounding to half.
/// </remarks>
internal sealed class SyntheticModel
{
    /// <summary>Standard deviation of the per-model noise on the shared difficulty.</summary>
    public const double NoiseSigma = 0.55;

    private const double Slope = 2.5;
    private const double Floor = 0.1;
    private const double Cap = 0.85;

    private readonly long _seed;
    private readonly int _splitIndex;
    private readonly int _model;
    private readonly SyntheticSamples _samples;
    private readonly double[] _margin;
    private readonly double _offset;

    /// <summary>Calibrates model <paramref name="model"/> to <paramref name="accuracyPercent"/> on the split.</summary>
    public SyntheticModel(long seed, int splitIndex, int model, SyntheticSamples samples, double accuracyPercent)
    {
        _seed = seed;
        _splitIndex = splitIndex;
        _model = model;
        _samples = samples;
        _offset = 0.5 + new StreamRandom(seed, -2, model, 0).NextDouble();

        // Latent v = difficulty − noise; the model is right where v < skill.
        int n = samples.Count;
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            var random = new StreamRandom(seed, splitIndex, model, ((long)i << 1) | 1);
            v[i] = samples.Difficulty[i] - (NoiseSigma * random.NextGaussian());
        }

        // Skill between the k-th and (k+1)-th smallest v, so exactly k samples are right.
        int k = (int)Math.Round(accuracyPercent / 100.0 * n);
        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        double skill = k == 0 ? sorted[0] - 1 : k == n ? sorted[n - 1] + 1 : (sorted[k - 1] + sorted[k]) / 2;
        _margin = new double[n];
        for (int i = 0; i < n; i++)
        {
            _margin[i] = skill - v[i];
        }

        Correct = k;
    }

    /// <summary>Number of samples the model gets right by construction.</summary>
    public int Correct { get; }

    /// <summary>Writes the probabilities of sample <paramref name="row"/> into <paramref name="output"/>.</summary>
    public void WriteRow(int row, Span<Half> output)
    {
        int classes = _samples.Classes;
        Span<double> p = classes <= 2048 ? stackalloc double[classes] : new double[classes];
        var random = new StreamRandom(_seed, _splitIndex, _model, (long)row << 1);
        double u = _margin[row];
        int label = _samples.Labels[row];
        var confusers = _samples.Confuser.AsSpan(row * SyntheticSamples.Confusers, SyntheticSamples.Confusers);

        // Predicted class, runner-up and the two remaining special classes (label and confusers).
        Span<int> order = [label, confusers[0], confusers[1], confusers[2]];
        if (u <= 0)
        {
            double pick = random.NextDouble();
            int wrong = pick < 0.6 ? 1 : pick < 0.85 ? 2 : 3;
            (order[0], order[wrong]) = (order[wrong], order[0]);
            if (random.NextDouble() < 0.45)
            {
                // Runner-up: the next confuser instead of the label.
                (order[1], order[wrong == 1 ? 2 : 1]) = (order[wrong == 1 ? 2 : 1], order[1]);
            }
        }

        // Masses: top from the margin, then runner-up, the two others and the tail.
        double top = Floor + ((1 - Floor) / (1 + Math.Exp(-(_offset + (Slope * u)))));
        double rest = 1 - top;
        double second = rest * (0.35 + (0.4 * random.NextDouble()));
        double third = (rest - second) * (0.1 + (0.2 * random.NextDouble()));
        double fourth = (rest - second - third) * (0.05 + (0.1 * random.NextDouble()));
        double tail = rest - second - third - fourth;
        double weights = 0;
        for (int c = 0; c < classes; c++)
        {
            double w = 1 + (3 * random.NextDouble() * random.NextDouble());
            p[c] = w;
            weights += w;
        }

        for (int k = 0; k < 4; k++)
        {
            weights -= p[order[k]];
        }

        double scale = tail / weights;
        for (int c = 0; c < classes; c++)
        {
            p[c] *= scale;
        }

        p[order[0]] = top;
        p[order[1]] = second;
        p[order[2]] = third;
        p[order[3]] = fourth;

        // Keep the predicted class strictly on top: cap the others at 0.85 of it, moving any excess to it.
        for (int c = 0; c < classes; c++)
        {
            if (c != order[0] && p[c] > Cap * p[order[0]])
            {
                double excess = p[c] - (Cap * p[order[0]]);
                p[c] -= excess;
                p[order[0]] += excess;
            }
        }

        for (int c = 0; c < classes; c++)
        {
            output[c] = (Half)p[c];
        }
    }
}
