namespace Encas.Gomea.Archive;

/// <summary>The reference's comparison relations between solutions; all objectives are maximised.</summary>
/// <remarks>
/// Pareto relations treat objectives whose absolute difference is below <see cref="Tolerance"/> as equal. Constraint
/// domination: when both are infeasible the smaller violation wins; a feasible solution beats an infeasible one; two
/// feasible solutions compare by Pareto dominance. The single-objective relations compare exactly.
/// </remarks>
public static class Dominance
{
    /// <summary>Objective differences below this are ignored by the Pareto relations (1e-5).</summary>
    public const double Tolerance = 0.00001;

    /// <summary>Whether <paramref name="x"/> Pareto dominates <paramref name="y"/> under the tolerance.</summary>
    /// <param name="x">First objective vector.</param>
    /// <param name="y">Second objective vector.</param>
    /// <returns>True if x is nowhere worse and somewhere better (differences below the tolerance ignored).</returns>
    public static bool ParetoDominates(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        bool strict = false;
        for (int i = 0; i < x.Length; i++)
        {
            if (Math.Abs(x[i] - y[i]) >= Tolerance)
            {
                if (x[i] < y[i])
                {
                    return false;
                }

                if (x[i] > y[i])
                {
                    strict = true;
                }
            }
        }

        return strict;
    }

    /// <summary>
    /// Whether <paramref name="x"/> weakly Pareto dominates <paramref name="y"/> under the tolerance.
    /// </summary>
    /// <param name="x">First objective vector.</param>
    /// <param name="y">Second objective vector.</param>
    /// <returns>True if x is nowhere worse (differences below the tolerance ignored).</returns>
    public static bool WeaklyParetoDominates(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (Math.Abs(x[i] - y[i]) >= Tolerance && x[i] < y[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Constraint domination of (x, cx) over (y, cy).</summary>
    /// <param name="x">Objectives of x.</param>
    /// <param name="cx">Constraint violation of x.</param>
    /// <param name="y">Objectives of y.</param>
    /// <param name="cy">Constraint violation of y.</param>
    /// <returns>True if x constraint-dominates y.</returns>
    public static bool ConstraintDominates(ReadOnlySpan<double> x, double cx, ReadOnlySpan<double> y, double cy)
    {
        if (cx > 0)
        {
            return cy > 0 && cx < cy;
        }

        return cy > 0 || ParetoDominates(x, y);
    }

    /// <summary>
    /// Weak constraint domination of (x, cx) over (y, cy): <c>≤</c> on violations, weak Pareto otherwise.
    /// </summary>
    /// <param name="x">Objectives of x.</param>
    /// <param name="cx">Constraint violation of x.</param>
    /// <param name="y">Objectives of y.</param>
    /// <param name="cy">Constraint violation of y.</param>
    /// <returns>True if x weakly constraint-dominates y.</returns>
    public static bool ConstraintWeaklyDominates(ReadOnlySpan<double> x, double cx, ReadOnlySpan<double> y, double cy)
    {
        if (cx > 0)
        {
            return cy > 0 && cx <= cy;
        }

        return cy > 0 || WeaklyParetoDominates(x, y);
    }

    /// <summary>
    /// Whether x is strictly better than y in objective <paramref name="o"/> (constraint first, exact).
    /// </summary>
    /// <param name="x">Objectives of x.</param>
    /// <param name="cx">Constraint violation of x.</param>
    /// <param name="y">Objectives of y.</param>
    /// <param name="cy">Constraint violation of y.</param>
    /// <param name="o">Objective index.</param>
    /// <returns>True if x is better.</returns>
    public static bool Better(ReadOnlySpan<double> x, double cx, ReadOnlySpan<double> y, double cy, int o)
    {
        if (cx > 0)
        {
            return cy > 0 && cx < cy;
        }

        return cy > 0 || x[o] > y[o];
    }

    /// <summary>Whether x equals y in objective <paramref name="o"/> (constraint first, exact comparisons).</summary>
    /// <param name="x">Objectives of x.</param>
    /// <param name="cx">Constraint violation of x.</param>
    /// <param name="y">Objectives of y.</param>
    /// <param name="cy">Constraint violation of y.</param>
    /// <param name="o">Objective index.</param>
    /// <returns>True if equal.</returns>
    public static bool Equal(ReadOnlySpan<double> x, double cx, ReadOnlySpan<double> y, double cy, int o)
    {
        if (cx > 0)
        {
            return cy > 0 && cx == cy;
        }

        return cy == 0 && x[o] == y[o];
    }
}
