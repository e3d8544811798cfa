using Encas.Core.Cascades;
using Encas.Core.Search;

namespace Encas.Core.Tests.Search;

public sealed class FrontMathTests
{
    private static CascadePoint Point(double valError, double valMflops, int tag = 0) =>
        new([tag, 0, 0, 0, 0, 0, 0, 0, 0], new CascadeScore(valError, valMflops), new CascadeScore(0, 0));

    [Fact]
    public void The_strict_front_drops_duplicates_and_weakly_dominated_points()
    {
        var points = new[]
        {
            Point(10, 100, 1), Point(10, 100, 2), Point(12, 50, 3), Point(10, 120, 4), Point(8, 300, 5),
            Point(12, 60, 6), Point(9, 300, 7),
        };
        var front = ParetoFront.Strict(points, p => p.Val);
        Assert.Equal([3, 1, 5], front.Select(p => p.Genome[0]));
    }

    [Fact]
    public void Thinning_keeps_one_cascade_per_tenth_of_a_percent_of_validation_accuracy()
    {
        // Accuracies 80.04 → 80.0, 80.03 → 80.0 (dropped), 80.16 → 80.2, 80.24 → 80.2 (dropped), 81 → 81.0.
        var front = new[]
        {
            Point(19.96, 1, 1), Point(19.97, 2, 2), Point(19.84, 3, 3), Point(19.76, 4, 4), Point(19, 5, 5),
        };
        Assert.Equal([1, 3, 5], ParetoFront.Thin(front).Select(p => p.Genome[0]));
    }

    [Fact]
    public void Hypervolume_is_the_dominated_share_of_the_reference_box()
    {
        Assert.Equal(0.25, NormalisedHypervolume.Compute([new CascadeScore(20, 2000)], 40, 4000), 12);
        // Two steps: (30, 1000) and (10, 3000): 10·3000 + 20·1000 over 160,000.
        Assert.Equal(50_000.0 / 160_000, NormalisedHypervolume.Compute(
            [new CascadeScore(10, 3000), new CascadeScore(30, 1000), new CascadeScore(35, 2000)], 40, 4000), 12);
        Assert.Equal(0, NormalisedHypervolume.Compute([new CascadeScore(50, 10), new CascadeScore(5, 5000)], 40, 4000));
    }

    [Fact]
    public void The_median_run_is_the_authors_argsort_middle()
    {
        var runs = new[] { 0.5, 0.1, 0.9, 0.3 }
            .Select((hv, i) => new RunResult(i, i, 0, 0, 0, hv, [], [], [], []))
            .ToList();
        // Sorted: 0.1 (1), 0.3 (3), 0.5 (0), 0.9 (2); index n / 2 = 2 → run 0.
        Assert.Equal(0, ExperimentResult.Median(runs));
    }

    [Fact]
    public void Island_zero_keeps_the_run_seed_and_other_islands_get_distinct_seeds()
    {
        Assert.Equal(1723, IslandSeeds.For(1723, 0));
        var seeds = Enumerable.Range(0, 8).Select(i => IslandSeeds.For(1723, i)).ToList();
        Assert.Equal(8, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.InRange(s, 0, uint.MaxValue));
    }
}
