using Encas.Core.Cascades;
using Encas.Core.Reports;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Gomea.Engine;

namespace Encas.Core.Tests.Search;

/// <summary>The search on an imported random pool: determinism, islands, and fronts that are what they claim.</summary>
public sealed class SearchDeterminismTests : IDisposable
{
    private readonly ImportedPool _pool = new(RandomSourcePool.Create(31, models: 10, samples: 400, classes: 6));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Summary(SearchSettings settings) =>
        SummaryJson.Write(SearchExperiment.Run(_pool.Pool, settings, cancel: Cancel));

    public void Dispose() => _pool.Dispose();

    [Fact]
    public void One_island_is_exactly_the_plain_engine()
    {
        var val = new CascadeEvaluator(_pool.Pool.Val);
        var settings = new SearchSettings { Evaluations = 4000, Islands = 1, MigrationInterval = 700 };
        var run = new IslandRun(val, settings, run: 2);
        while (run.RunEpoch())
        {
        }

        var engine = new GomeaEngine(new CascadeObjective(val), new GomeaOptions
        {
            Seed = 1725, MaxEvaluations = 4000, StopMode = StopMode.Exact, ArchiveTarget = 10_000,
            ChargeCacheHits = false,
        });
        engine.Run();
        var plain = Enumerable.Range(0, engine.Archive.Count)
            .Select(i => string.Join(',', engine.Archive.Genes(i).ToArray()));
        Assert.Equal(plain, run.Archive().Select(a => string.Join(',', a.Genome)));
        Assert.Equal(4000, run.Charged);
    }

    [Fact]
    public void The_same_seed_gives_the_same_summary_whatever_the_parallelism()
    {
        var settings = new SearchSettings
        {
            Runs = 3, Evaluations = 3000, Islands = 3, MigrationInterval = 400, Migrants = 4, RandomBaseline = true,
        };
        string sequential = Summary(settings with { Parallelism = 1 });
        string parallel = Summary(settings with { Parallelism = 4 });
        Assert.Equal(sequential, parallel);
        string other = Summary(settings with { Seed = 99 });
        Assert.NotEqual(sequential, other);
    }

    [Fact]
    public void Every_front_entry_scores_what_the_evaluator_gives_and_the_budget_is_spent()
    {
        var settings = new SearchSettings { Runs = 2, Evaluations = 2500, Islands = 2, MigrationInterval = 300 };
        var result = SearchExperiment.Run(_pool.Pool, settings, cancel: Cancel);
        var val = new CascadeEvaluator(_pool.Pool.Val);
        var test = new CascadeEvaluator(_pool.Pool.Test);
        foreach (var run in result.Runs)
        {
            // As in the reference's exact-budget build, only a population's initialisation can run past the budget.
            Assert.InRange(run.Evaluations, 2500, 2500 + 1024);
            Assert.True(run.TotalEvaluations >= run.Evaluations);
            Assert.NotEmpty(run.Front);
            foreach (var point in run.Front)
            {
                Assert.Equal(val.Evaluate(point.Genome), point.Val);
                Assert.Equal(test.Evaluate(point.Genome), point.Test);
            }

            var valFront = run.Front.Select(p => p.Val).ToList();
            Assert.Equal(ParetoFront.Strict(valFront, s => s).Count, valFront.Count);
        }
    }

    [Fact]
    public void Migration_changes_the_outcome_only_when_there_are_several_islands()
    {
        var settings = new SearchSettings { Runs = 1, Evaluations = 3000, Islands = 3, MigrationInterval = 300 };
        string with = Summary(settings with { Migrants = 6 });
        string without = Summary(settings with { Migrants = 0 });
        Assert.NotEqual(with, without);
    }
}
