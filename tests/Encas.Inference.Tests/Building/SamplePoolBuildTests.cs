using Encas.Core.Numpy;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;

namespace Encas.Inference.Tests.Building;

/// <summary>Rebuilds the whole sample pool (34 models, 10,000 val and 10,000 test images; about 30 s on 2 cores)
/// and compares every stored half with the PyTorch-made reference outputs.</summary>
public sealed class SamplePoolBuildTests(ITestOutputHelper output)
{
    [Fact]
    public void Build_SamplePool_MatchesPyTorchOutputs()
    {
        using var dir = new TempDir();
        string poolDir = dir.Combine("pool");
        var builder = new PoolBuilder(new OnnxSessionFactory(DeviceChoice.Cpu));

        var (manifest, records) = builder.Build(new PoolBuildOptions(SampleData.Models, SampleData.Data, poolDir,
            DeviceChoice.Cpu), null, TestContext.Current.CancellationToken);

        using var pool = Pool.Open(poolDir);
        var names = ReferenceNames();
        Assert.Equal(names, manifest.Models.Select(m => m.Name));
        Assert.All(records, r => Assert.Equal(("probabilities", "first batch"), (r.Output, r.OutputSource)));
        double maxDiff = 0;
        long differ = 0, total = 0, beyondOneUlp = 0;
        var accuracyGaps = new List<string>();
        foreach (string split in PoolSplits.All)
        {
            var labels = NpyReader.ReadLabels(Path.Combine(SampleData.Root, $"labels_{split}.npy"));
            Assert.Equal(labels, pool.Split(split).LabelList);
            for (int m = 0; m < names.Count; m++)
            {
                var (reference, rows, cols) = NpyReader.ReadHalfMatrix(
                    Path.Combine(SampleData.Root, $"output_distrs_{split}", $"{m}.npy.gz"));
                var built = pool.Split(split).Outputs[m];
                var values = built.Values;
                Assert.Equal((rows, cols), (built.Rows, built.Cols));
                for (int i = 0; i < reference.Length; i++)
                {
                    Half b = values[i];
                    double diff = Math.Abs((double)b - (double)reference[i]);
                    maxDiff = Math.Max(maxDiff, diff);
                    differ += diff > 0 ? 1 : 0;
                    int ulps = Math.Abs(BitConverter.HalfToInt16Bits(b) - BitConverter.HalfToInt16Bits(reference[i]));
                    beyondOneUlp += ulps > 1 ? 1 : 0;
                }

                total += reference.Length;
                double referenceAccuracy = OutputValidator.Accuracy(reference, cols, labels);
                double gap = Math.Abs(referenceAccuracy - manifest.Models[m].Accuracy[split]);
                if (gap > 1e-9)
                {
                    accuracyGaps.Add(
                        $"{names[m]} {split}: {manifest.Models[m].Accuracy[split]} vs {referenceAccuracy}");
                }

                // A half-ulp difference can move a near-tie argmax: allow at most 2 samples in 10,000.
                Assert.True(gap <= 0.02 + 1e-9, $"{names[m]} {split}: accuracy off by {gap}");
            }
        }

        output.WriteLine($"{total} halves compared: {differ} differ, {beyondOneUlp} by more than one half ulp, "
            + $"max |diff| {maxDiff:G4}; accuracies that differ: {string.Join("; ", accuracyGaps)}");
        Assert.True(maxDiff <= 2e-3, $"max |diff| {maxDiff}");
        Assert.Equal(0, beyondOneUlp);
    }

    private static List<string> ReferenceNames()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(Path.Combine(SampleData.Root, "output_distrs_val", "info.json")));
        return [.. doc.RootElement.GetProperty("net_names").EnumerateArray().Select(e => e.GetString()!)];
    }
}
