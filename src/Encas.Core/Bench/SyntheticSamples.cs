namespace Encas.Core.Bench;

/// <summary>
/// What every model of a synthetic pool shares about one split's samples: the label, a difficulty and an
/// ordered list of plausible wrong classes ("confusers") per sample. Sharing them is what makes the models'
/// errors correlate: hard samples are missed by most models, and missed towards the same classes.
/// </summary>
internal sealed class SyntheticSamples
{
    /// <summary>Plausible wrong classes per sample.</summary>
    public const int Confusers = 3;

    /// <summary>Draws the shared state of split <paramref name="splitIndex"/> (0 = val, 1 = test).</summary>
    public SyntheticSamples(long seed, int splitIndex, int samples, int classes)
    {
        Classes = classes;
        Labels = new int[samples];
        Difficulty = new double[samples];
        Confuser = new int[samples * Confusers];
        for (int i = 0; i < samples; i++)
        {
            var random = new StreamRandom(seed, splitIndex, -1, i);
            int label = random.Next(classes);
            Labels[i] = label;
            Difficulty[i] = random.NextGaussian();
            for (int k = 0; k < Confusers; k++)
            {
                int c;
                do
                {
                    c = random.Next(classes);
                }
                while (c == label || Confuser.AsSpan(i * Confusers, k).Contains(c));

                Confuser[(i * Confusers) + k] = c;
            }
        }
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>The true class per sample, uniform over the classes.</summary>
    public int[] Labels { get; }

    /// <summary>Difficulty per sample, standard normal: larger is harder for every model.</summary>
    public double[] Difficulty { get; }

    /// <summary>Confuser <c>k</c> of sample <c>i</c> at <c>[i · Confusers + k]</c>; distinct, never the
    /// label.</summary>
    public int[] Confuser { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;
}
