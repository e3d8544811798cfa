namespace Encas.Core.Cascades;

/// <summary>
/// The ENCAS genome: <see cref="MaxModels"/> model genes in [0, P] (0 = no-op, g ≥ 1 = pool model g − 1)
/// followed by <see cref="MaxModels"/> − 1 threshold genes in [0, <see cref="ThresholdLevels"/>];
/// threshold gene <c>MaxModels + j − 1</c> belongs to model position j (j ≥ 1).
/// </summary>
public static class GenomeLayout
{
    /// <summary>Most models in one cascade.</summary>
    public const int MaxModels = 5;

    /// <summary>Genes per genome.</summary>
    public const int Length = (2 * MaxModels) - 1;

    /// <summary>The largest threshold gene; threshold = gene / ThresholdLevels.</summary>
    public const int ThresholdLevels = 50;

    /// <summary>The alphabet size of each gene for a pool of <paramref name="poolModels"/> models.</summary>
    public static int[] Alphabet(int poolModels) =>
        [.. Enumerable.Repeat(poolModels + 1, MaxModels), .. Enumerable.Repeat(ThresholdLevels + 1, MaxModels - 1)];

    /// <summary>Checks a genome's length and gene ranges; the message names the offending gene.</summary>
    public static void Validate(ReadOnlySpan<int> genome, int poolModels, string where)
    {
        if (genome.Length != Length)
        {
            throw new ArgumentException($"{where}: a genome has {Length} genes, this one has {genome.Length}");
        }

        for (int g = 0; g < Length; g++)
        {
            int max = g < MaxModels ? poolModels : ThresholdLevels;
            if (genome[g] < 0 || genome[g] > max)
            {
                string kind = g < MaxModels ? "model" : "threshold";
                throw new ArgumentException(
                    $"{where}: gene {g} ({kind}) is {genome[g]}, outside [0, {max}]");
            }
        }
    }

    /// <summary>Parses "g0,g1,…,g8" and validates it against the pool size.</summary>
    public static int[] Parse(string text, int poolModels, string where)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var genome = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out genome[i]))
            {
                throw new FormatException($"{where}: gene {i} '{parts[i]}' is not an integer (genome '{text}')");
            }
        }

        Validate(genome, poolModels, where);
        return genome;
    }
}
