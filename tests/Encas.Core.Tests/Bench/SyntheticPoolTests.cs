using Encas.Core.Bench;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Bench;

/// <summary>The synthetic ImageNet-like pool: calibration, determinism and correlated errors.</summary>
public sealed class SyntheticPoolTests
{
    [Fact]
    public void Catalogue_holds_the_authors_518_models_without_regnetz_b_c_d()
    {
        var all = TimmCatalog.Load();

        Assert.Equal(518, all.Count);
        Assert.DoesNotContain(all, m => m.Name is "regnetz_b" or "regnetz_c" or "regnetz_d");
        Assert.Contains(all, m => m.Name == "haloregnetz_b");
        Assert.Equal("beit_large_patch16_512", all[0].Name);
    }

    [Fact]
    public void Generated_pool_hits_every_target_accuracy_within_half_a_point_and_is_deterministic()
    {
        using var dir = new TempDir();
        var options = new SyntheticPoolOptions
        {
            Output = dir.Combine("a"), Models = 30, ValSamples = 2000, TestSamples = 1000, Classes = 100, Seed = 5,
        };

        var manifest = SyntheticPoolWriter.Write(options);
        var again = SyntheticPoolWriter.Write(options with { Output = dir.Combine("b") });

        var targets = TimmCatalog.Spread(TimmCatalog.Load(), 30);
        using var pool = Pool.Open(dir.Combine("a"));
        for (int m = 0; m < 30; m++)
        {
            Assert.Equal(targets[m].Name, manifest.Models[m].Name);
            Assert.Equal(targets[m].Gmacs * 1000, pool.Val.ModelMflops(m), 6);
            double val = OutputValidator.Accuracy(pool.Val.Outputs[m].Values, 100, pool.Val.Labels);
            double test = OutputValidator.Accuracy(pool.Test.Outputs[m].Values, 100, pool.Test.Labels);
            Assert.InRange(val, targets[m].Top1ImagenetV2 - 0.5, targets[m].Top1ImagenetV2 + 0.5);
            Assert.InRange(test, targets[m].Top1 - 0.5, targets[m].Top1 + 0.5);
            Assert.Equal(manifest.Models[m].Outputs[PoolSplits.Val].Sha256,
                again.Models[m].Outputs[PoolSplits.Val].Sha256);
        }
    }

    [Fact]
    public void Errors_correlate_across_models_and_confidence_is_higher_when_right()
    {
        using var dir = new TempDir();
        SyntheticPoolWriter.Write(new SyntheticPoolOptions
        {
            Output = dir.Combine("p"), Models = 10, ValSamples = 3000, TestSamples = 10, Classes = 50, Seed = 9,
        });
        using var pool = Pool.Open(dir.Combine("p"));

        // Two models of similar accuracy agree on being wrong far more often than independent models would.
        var a = Predictions(pool.Val, 4);
        var b = Predictions(pool.Val, 5);
        var y = pool.Val.Labels;
        double wrongA = a.Where((p, i) => p != y[i]).Count() / 3000.0;
        double wrongB = b.Where((p, i) => p != y[i]).Count() / 3000.0;
        double both = a.Where((p, i) => p != y[i] && b[i] != y[i]).Count() / 3000.0;
        Assert.True(both > 1.5 * wrongA * wrongB, $"joint error {both} vs independent {wrongA * wrongB}");

        // Mean top probability on right answers is well above that on wrong answers.
        var (right, wrong) = MeanConfidence(pool.Val, 4);
        Assert.True(right > wrong + 0.2, $"confidence right {right}, wrong {wrong}");
    }

    private static int[] Predictions(PoolSplit split, int model) => Enumerable.Range(0, split.Samples)
        .Select(i =>
        {
            var row = split.Outputs[model].Row(i);
            int best = 0;
            for (int c = 1; c < row.Length; c++)
            {
                best = row[c] > row[best] ? c : best;
            }

            return best;
        }).ToArray();

    private static (double Right, double Wrong) MeanConfidence(PoolSplit split, int model)
    {
        var predicted = Predictions(split, model);
        var right = new List<double>();
        var wrong = new List<double>();
        for (int i = 0; i < split.Samples; i++)
        {
            double top = (double)split.Outputs[model].Row(i)[predicted[i]];
            (predicted[i] == split.Labels[i] ? right : wrong).Add(top);
        }

        return (right.Average(), wrong.Average());
    }
}
