using Encas.Core.Pools;

namespace Encas.Core.Tests.Support;

/// <summary>
/// The cascade semantics of DESIGN §4 written for clarity, not speed, and independently of the product's
/// kernel: it walks the raw genome position by position as the authors' code does (stage-major, with an
/// active set), keeps running sums as exact decimals (every half is a multiple of 2^-24, which a decimal
/// holds exactly) and compares the running mean with the threshold by decimal division.
/// </summary>
public static class ScalarReferenceEvaluator
{
    private const decimal Scale = 16_777_216m;

    public static (double Error, double Mflops) Evaluate(PoolSplit split, int[] genome)
    {
        int n = split.Samples;
        int c = split.Classes;
        if (genome.Take(5).All(g => g == 0))
        {
            return (100, 100_000);
        }

        var sum = new decimal[n, c];
        var active = Enumerable.Repeat(true, n).ToArray();
        int used = 0;
        double first = 0;
        double later = 0;
        for (int position = 0; position < 5; position++)
        {
            int gene = genome[position];
            if (gene == 0)
            {
                continue;
            }

            if (position > 0)
            {
                decimal threshold = genome[5 + position - 1] / 50m;
                for (int i = 0; i < n; i++)
                {
                    if (active[i] && used > 0 && RowMax(sum, i, c) / used > threshold)
                    {
                        active[i] = false;
                    }
                }
            }

            int reaching = active.Count(a => a);
            if (reaching == 0)
            {
                break;
            }

            var outputs = split.Outputs[gene - 1];
            for (int i = 0; i < n; i++)
            {
                if (!active[i])
                {
                    continue;
                }

                var row = outputs.Row(i);
                for (int k = 0; k < c; k++)
                {
                    sum[i, k] += Exact(row[k]);
                }
            }

            double cost = split.ModelMflops(gene - 1);
            if (used == 0)
            {
                // Nobody can exit before the first real model: the running mean is still all zeros.
                first = reaching == n ? cost : throw new InvalidOperationException("a sample exited too early");
            }
            else
            {
                later += cost * reaching;
            }

            used++;
        }

        int wrong = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int k = 1; k < c; k++)
            {
                if (sum[i, k] > sum[i, best])
                {
                    best = k;
                }
            }

            wrong += best == split.LabelList[i] ? 0 : 1;
        }

        return (100.0 * wrong / n, first + (later / n));
    }

    private static decimal Exact(Half value) => (long)((double)value * 16_777_216.0) / Scale;

    private static decimal RowMax(decimal[,] sum, int i, int c)
    {
        decimal max = sum[i, 0];
        for (int k = 1; k < c; k++)
        {
            max = Math.Max(max, sum[i, k]);
        }

        return max;
    }
}
