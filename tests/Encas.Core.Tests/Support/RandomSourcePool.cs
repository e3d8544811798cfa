namespace Encas.Core.Tests.Support;

/// <summary>
/// Random pools with many exact ties and exact-threshold cases: some rows are made of dyadic values
/// (0, 1/8, 1/4, 1/2, 1, …) so that running means hit 0.5 and 1.0 exactly and argmax ties occur; the
/// other rows are random softmax-like vectors rounded to half.
/// </summary>
public static class RandomSourcePool
{
    private static readonly float[][] Dyadic =
    [
        [0.5f, 0.5f], [1f, 0f], [0.25f, 0.75f], [0.75f, 0.25f], [0.5f, 0.25f, 0.25f],
        [0.125f, 0.375f, 0.5f], [0f, 1f], [0.5f, 0f, 0.5f],
    ];

    public static SourcePool Create(int seed, int models, int samples, int classes)
    {
        var random = new Random(seed);
        var pool = new SourcePool();
        foreach (string split in new[] { "val", "test" })
        {
            pool.Labels[split] = Enumerable.Range(0, samples).Select(_ => random.Next(classes)).ToArray();
        }

        for (int m = 0; m < models; m++)
        {
            double mflops = Math.Round(Math.Pow(10, random.NextDouble() * 3), 3);
            pool.Add($"model{m}", mflops, Matrix(random, samples, classes), Matrix(random, samples, classes));
        }

        return pool;
    }

    private static float[,] Matrix(Random random, int samples, int classes)
    {
        var values = new float[samples, classes];
        for (int i = 0; i < samples; i++)
        {
            if (random.NextDouble() < 0.3)
            {
                var fitting = Dyadic.Where(r => r.Length <= classes).ToArray();
                var row = fitting[random.Next(fitting.Length)];
                int shift = random.Next(classes);
                for (int c = 0; c < row.Length; c++)
                {
                    values[i, (c + shift) % classes] = row[c];
                }

                continue;
            }

            double sharp = 1 + (random.NextDouble() * 6);
            var w = Enumerable.Range(0, classes).Select(_ => Math.Exp(sharp * random.NextDouble())).ToArray();
            double total = w.Sum();
            for (int c = 0; c < classes; c++)
            {
                values[i, c] = (float)(w[c] / total);
            }
        }

        return values;
    }
}
