using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>
/// Hypervolume of (error %, MFLOPs) points under minimisation, as the authors report it: the area dominated by
/// the points inside the box up to the reference point, divided by the box's area (error × MFLOPs of the
/// reference point), so it lies in [0, 1]. Points beyond the reference point contribute nothing.
/// </summary>
public static class NormalisedHypervolume
{
    /// <summary>Computes the normalised hypervolume of <paramref name="points"/>.</summary>
    public static double Compute(IEnumerable<CascadeScore> points, double referenceError, double referenceMflops)
    {
        var inside = points.Where(p => p.ErrorPercent < referenceError && p.Mflops < referenceMflops)
            .OrderBy(p => p.Mflops).ThenBy(p => p.ErrorPercent);
        double area = 0;
        double bestError = referenceError;
        double lastMflops = 0;
        bool any = false;
        foreach (var p in inside)
        {
            if (p.ErrorPercent >= bestError)
            {
                continue;
            }

            if (any)
            {
                area += (referenceError - bestError) * (p.Mflops - lastMflops);
            }

            any = true;
            bestError = p.ErrorPercent;
            lastMflops = p.Mflops;
        }

        if (any)
        {
            area += (referenceError - bestError) * (referenceMflops - lastMflops);
        }

        return area / (referenceError * referenceMflops);
    }
}
