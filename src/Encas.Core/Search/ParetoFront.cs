using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>Pareto fronts of (error, MFLOPs), both minimised, as the authors' post-processing builds them.</summary>
public static class ParetoFront
{
    /// <summary>
    /// The strictly efficient points, sorted by MFLOPs ascending: a point is kept only if its error is strictly
    /// below that of every cheaper-or-equal point kept, so duplicates and weakly dominated points go. Among
    /// equal scores the first in input order is kept.
    /// </summary>
    public static List<T> Strict<T>(IEnumerable<T> points, Func<T, CascadeScore> score)
    {
        var sorted = points.Select((p, i) => (Point: p, Score: score(p), Index: i))
            .OrderBy(x => x.Score.Mflops).ThenBy(x => x.Score.ErrorPercent).ThenBy(x => x.Index);
        var front = new List<T>();
        double best = double.PositiveInfinity;
        foreach (var (point, s, _) in sorted)
        {
            if (s.ErrorPercent < best)
            {
                front.Add(point);
                best = s.ErrorPercent;
            }
        }

        return front;
    }

    /// <summary>
    /// The authors' thinning: walk a front sorted by validation MFLOPs and keep a cascade only if its validation
    /// accuracy, rounded to 0.1 %, is strictly higher than that of every cascade kept before it.
    /// </summary>
    public static List<CascadePoint> Thin(IReadOnlyList<CascadePoint> frontByValMflops)
    {
        var kept = new List<CascadePoint>();
        double best = double.NegativeInfinity;
        foreach (var point in frontByValMflops)
        {
            double accuracy = Math.Round(100 - point.Val.ErrorPercent, 1, MidpointRounding.ToEven);
            if (accuracy > best)
            {
                kept.Add(point);
                best = accuracy;
            }
        }

        return kept;
    }
}
