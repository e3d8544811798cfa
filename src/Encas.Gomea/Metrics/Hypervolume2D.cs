namespace Encas.Gomea.Metrics;

/// <summary>Hypervolume of a set of bi-objective points under maximisation, relative to a reference point.</summary>
public static class Hypervolume2D
{
    /// <summary>
    /// The area dominated by <paramref name="points"/> and dominating (<paramref name="r0"/>, <paramref name="r1"/>).
    /// </summary>
    /// <remarks>
    /// Points are sorted by the first objective, descending; each point adds the strip between its second objective
    /// and the best second objective seen so far. Dominated points add nothing; coordinates are clipped at the
    /// reference point, so points beyond it contribute nothing.
    /// </remarks>
    /// <param name="points">Objective vectors (at least two entries each; extra entries ignored).</param>
    /// <param name="r0">Reference value of the first objective.</param>
    /// <param name="r1">Reference value of the second objective.</param>
    /// <returns>The hypervolume (0 for no points).</returns>
    public static double Compute(IEnumerable<IReadOnlyList<double>> points, double r0 = 0.0, double r1 = 0.0)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points
            .Select(p => (X: Math.Max(p[0] - r0, 0.0), Y: Math.Max(p[1] - r1, 0.0)))
            .OrderByDescending(p => p.X).ThenByDescending(p => p.Y)
            .ToList();
        double area = 0.0;
        double bestY = 0.0;
        foreach ((double x, double y) in sorted)
        {
            if (y > bestY)
            {
                area += x * (y - bestY);
                bestY = y;
            }
        }

        return area;
    }
}
