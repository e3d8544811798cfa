using Encas.Gomea.Archive;

namespace Encas.Gomea.Engine;

public sealed partial class GomeaEngine
{
    // Option -z: after a step of population p, every smaller active population whose non-dominated points are all
    // dominated by, or in the same box as, a point of p's non-dominated set is switched off for good.
    private void StopCoveredSmallerPopulations(int p, Population population)
    {
        population.Front = NondominatedObjectives(population);
        for (int q = p - 1; q >= 0; q--)
        {
            Population? smaller = _populations[q];
            if (smaller is null || !smaller.Active)
            {
                continue;
            }

            if (Covers(population.Front, smaller.Front))
            {
                smaller.Active = false;
            }
        }
    }

    private bool Covers(double[][] larger, double[][] smaller)
    {
        int count = 0;
        foreach (double[] point in smaller)
        {
            foreach (double[] candidate in larger)
            {
                if (Dominance.ConstraintDominates(candidate, 0, point, 0) || _archive.SameBox(candidate, point))
                {
                    count++;
                    break;
                }
            }
        }

        return count == smaller.Length;
    }

    private static double[][] NondominatedObjectives(Population population)
    {
        int n = population.Size;
        var dominated = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (dominated[i])
            {
                continue;
            }

            for (int j = i + 1; j < n; j++)
            {
                if (dominated[j])
                {
                    continue;
                }

                if (Dominance.ConstraintDominates(
                    population.Objectives[i], population.Constraints[i],
                    population.Objectives[j], population.Constraints[j]))
                {
                    dominated[j] = true;
                }
                else if (Dominance.ConstraintDominates(
                    population.Objectives[j], population.Constraints[j],
                    population.Objectives[i], population.Constraints[i]))
                {
                    dominated[i] = true;
                    break;
                }
            }
        }

        var front = new List<double[]>();
        for (int i = 0; i < n; i++)
        {
            if (!dominated[i])
            {
                front.Add((double[])population.Objectives[i].Clone());
            }
        }

        return [.. front];
    }
}
