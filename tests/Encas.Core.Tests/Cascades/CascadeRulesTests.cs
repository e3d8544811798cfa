using Encas.Core.Cascades;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Cascades;

/// <summary>
/// One rule of DESIGN §4 per test, on a hand-made pool of four samples and two classes whose every score
/// can be worked out by hand. Labels: 0, 1, 0, 1. Gene 1 = A (1 MFLOP), 2 = B (10), 3 = C (100, perfect).
/// </summary>
public sealed class CascadeRulesTests : IDisposable
{
    private readonly ImportedPool _pool;
    private readonly CascadeEvaluator _val;

    public CascadeRulesTests()
    {
        var source = new SourcePool();
        source.Labels["val"] = [0, 1, 0, 1];
        source.Labels["test"] = [0, 1, 0, 1];
        var a = SourcePool.Rows([0.5f, 0.5f], [0.75f, 0.25f], [1f, 0f], [0.25f, 0.75f]);
        var b = SourcePool.Rows([0.25f, 0.75f], [0f, 1f], [0f, 1f], [0f, 1f]);
        var c = SourcePool.Rows([1f, 0f], [0f, 1f], [1f, 0f], [0f, 1f]);
        source.Add("A", 1, a, a);
        source.Add("B", 10, b, b);
        source.Add("C", 100, c, c);
        _pool = new ImportedPool(source);
        _val = new CascadeEvaluator(_pool.Pool.Val);
    }

    public void Dispose() => _pool.Dispose();

    [Fact]
    public void A_single_model_breaks_its_argmax_tie_towards_the_lowest_class()
    {
        // Sample 0 is [0.5, 0.5]: class 0, which is right; sample 1 is wrong.
        Check([1, 0, 0, 0, 0, 7, 7, 7, 7], 25, 1);
    }

    [Fact]
    public void A_mean_equal_to_the_threshold_does_not_exit()
    {
        // Threshold 0.5: sample 0 (max 0.5) goes on to C, the others exit. Cost 1 + 100 * 1/4.
        Check([1, 3, 0, 0, 0, 25, 0, 0, 0], 25, 26);
    }

    [Fact]
    public void Threshold_one_lets_everybody_through_even_a_certain_sample()
    {
        // Sample 2 has max exactly 1.0, which is not > 1.0.
        Check([1, 3, 0, 0, 0, 50, 0, 0, 0], 0, 101);
    }

    [Fact]
    public void Threshold_zero_stops_everybody()
    {
        Check([1, 3, 2, 0, 0, 0, 50, 0, 0], 25, 1);
    }

    [Fact]
    public void The_first_real_model_ignores_its_own_threshold_gene()
    {
        // No-op first; A sits at position 1 with threshold gene 0, which would stop everybody if it counted.
        Check([0, 1, 3, 0, 0, 0, 25, 0, 0], 25, 26);
    }

    [Fact]
    public void A_no_op_in_the_middle_skips_its_threshold_too()
    {
        // Position 1 is a no-op whose threshold gene 0 would stop everybody; C uses gene 6 = 25.
        Check([1, 0, 3, 0, 0, 0, 25, 0, 0], 25, 26);
    }

    [Fact]
    public void All_no_ops_score_the_penalty()
    {
        Check([0, 0, 0, 0, 0, 10, 20, 30, 40], 100, 100_000);
    }

    [Fact]
    public void A_tie_of_the_running_mean_goes_to_the_lowest_class()
    {
        // A + B on sample 2 is [1, 1]: class 0, right. Ties to the highest class would give 50 % error.
        Check([1, 2, 0, 0, 0, 50, 0, 0, 0], 25, 11);
    }

    [Fact]
    public void A_stage_nobody_reaches_costs_nothing()
    {
        // Threshold 0.48: every A maximum (0.5, 0.75, 1, 0.75) exceeds it, so C and B never run.
        Check([1, 3, 2, 0, 0, 24, 50, 0, 0], 25, 1);
    }

    [Fact]
    public void The_exit_test_uses_the_mean_of_all_models_applied_so_far()
    {
        // After A and B: means 0.625, 0.625, 0.5, 0.875; threshold 0.6 keeps only sample 2 for C.
        Check([1, 2, 3, 0, 0, 50, 30, 0, 0], 25, 36);
    }

    [Fact]
    public void The_cache_answers_equal_phenotypes_once()
    {
        var cached = new CachedCascadeEvaluator(_val);
        var first = cached.Evaluate([1, 0, 3, 0, 0, 9, 25, 9, 9], out bool hit1);
        var second = cached.Evaluate([0, 1, 3, 0, 0, 0, 25, 0, 0], out bool hit2);
        Assert.False(hit1);
        Assert.True(hit2);
        Assert.Equal(first, second);
        Assert.Equal(1, cached.Distinct);
    }

    private void Check(int[] genome, double error, double mflops)
    {
        var halves = new CascadeEvaluator(_pool.Pool.Val, scaledBudgetBytes: 0).Evaluate(genome);
        Assert.Equal(new CascadeScore(error, mflops), halves);
        var fast = _val.Evaluate(genome);
        var reference = ScalarReferenceEvaluator.Evaluate(_pool.Pool.Val, genome);
        Assert.Equal(error, fast.ErrorPercent);
        Assert.Equal(mflops, fast.Mflops);
        Assert.Equal(error, reference.Error);
        Assert.Equal(mflops, reference.Mflops);
    }
}
