using Encas.Core.Search;

namespace Encas.Reports;

/// <summary>
/// The band between the best and the worst run: each run's test front read as "best test accuracy reachable at
/// this many test MFLOPs or fewer"; at every compute level the band spans the highest and the lowest run.
/// </summary>
public static class TestEnvelope
{
    /// <summary>Compute levels (ascending) with the lowest and highest run accuracy (%) at each.</summary>
    public static (double[] Mflops, double[] Low, double[] High) Band(IReadOnlyList<RunResult> runs)
    {
        var levels = runs.SelectMany(r => r.Front.Select(p => p.Test.Mflops)).Distinct().Order().ToArray();
        var low = new double[levels.Length];
        var high = new double[levels.Length];
        for (int k = 0; k < levels.Length; k++)
        {
            var reachable = runs
                .Select(r => r.Front.Where(p => p.Test.Mflops <= levels[k]).Select(p => 100 - p.Test.ErrorPercent))
                .Where(a => a.Any())
                .Select(a => a.Max())
                .ToList();
            low[k] = reachable.Min();
            high[k] = reachable.Max();
        }

        return (levels, low, high);
    }
}
