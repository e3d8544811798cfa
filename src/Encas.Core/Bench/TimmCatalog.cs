using System.Globalization;

namespace Encas.Core.Bench;

/// <summary>
/// The 518 timm models of the ENCAS authors' ImageNet pool, read from the copy of timm's published results
/// embedded in this assembly (see <c>Bench/README.md</c>), in the authors' order (descending top-1).
/// </summary>
public static class TimmCatalog
{
    private const string ResourceName = "Encas.Core.Bench.timm-imagenet-2021-encas-pool.csv";

    // The authors left these three out of their pool (their list is the table minus regnetz_b/c/d).
    private static readonly HashSet<string> Excluded = ["regnetz_b", "regnetz_c", "regnetz_d"];

    /// <summary>Reads the catalogue: 518 models.</summary>
    public static IReadOnlyList<TimmModel> Load()
    {
        using var stream = typeof(TimmCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Encas.Core");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        int name = Column(header, "model");
        int top1 = Column(header, "top1");
        int v2 = Column(header, "top1_imagenetv2");
        int gmacs = Column(header, "gmacs");
        var models = new List<TimmModel>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var cells = line.Split(',');
            if (line.Length == 0 || Excluded.Contains(cells[name]))
            {
                continue;
            }

            models.Add(new TimmModel(cells[name], Number(cells[top1]), Number(cells[v2]), Number(cells[gmacs])));
        }

        return models;
    }

    /// <summary>
    /// <paramref name="count"/> models spread evenly over the catalogue's order (first and last included), so
    /// that a small pool still spans the accuracy and compute range of the full one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When count is not in [1, catalogue size].</exception>
    public static IReadOnlyList<TimmModel> Spread(IReadOnlyList<TimmModel> all, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, all.Count);
        if (count == all.Count)
        {
            return all;
        }

        return Enumerable.Range(0, count)
            .Select(i => all[count == 1 ? 0 : (int)Math.Round(i * (all.Count - 1) / (double)(count - 1))])
            .ToList();
    }

    private static int Column(string[] header, string name)
    {
        int index = Array.IndexOf(header, name);
        return index >= 0 ? index
            : throw new InvalidDataException($"{ResourceName}: no column '{name}'");
    }

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
