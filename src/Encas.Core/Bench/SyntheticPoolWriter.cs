using Encas.Core.IO;
using Encas.Core.Pools;

namespace Encas.Core.Bench;

/// <summary>
/// Writes a synthetic ImageNet-like pool (one model per timm catalogue row) in the pool format, one model and
/// split at a time, so memory holds one output matrix, never the pool. Deterministic in the seed: the same
/// options give byte-identical files whatever the number of cores.
/// </summary>
/// <remarks>
/// The validation split imitates ImageNetV2 (target accuracy <see cref="TimmModel.Top1ImagenetV2"/>), the
/// test split ImageNet-val (<see cref="TimmModel.Top1"/>); MFLOPs are GMACs × 1000 on both. The generative
/// model is described on <see cref="SyntheticModel"/> and in <c>docs/imagenet.md</c>.
/// </remarks>
public static class SyntheticPoolWriter
{
    /// <summary>Generates the pool; <paramref name="progress"/> receives (files done, files total).</summary>
    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public static PoolManifest Write(SyntheticPoolOptions options, Action<int, int>? progress = null)
    {
        var catalogue = TimmCatalog.Load();
        options.Validate(catalogue.Count);
        var models = TimmCatalog.Spread(catalogue, options.Models);
        using var stage = new StagedDirectory(options.Output, options.Replace);
        var outputs = models.Select(_ => new Dictionary<string, StoredFile>()).ToArray();
        var accuracy = models.Select(_ => new Dictionary<string, double>()).ToArray();
        var splits = new Dictionary<string, SplitEntry>();
        int done = 0;
        for (int s = 0; s < PoolSplits.All.Count; s++)
        {
            string split = PoolSplits.All[s];
            int n = split == PoolSplits.Val ? options.ValSamples : options.TestSamples;
            var samples = new SyntheticSamples(options.Seed, s, n, options.Classes);
            splits[split] = new SplitEntry(n, PoolBinaryFile.WriteLabels(stage.Path, $"labels/{split}.i32",
                samples.Labels));
            var values = new Half[(long)n * options.Classes];
            for (int m = 0; m < models.Count; m++)
            {
                double target = split == PoolSplits.Val ? models[m].Top1ImagenetV2 : models[m].Top1;
                var model = new SyntheticModel(options.Seed, s, m, samples, target);
                Fill(model, values, n, options.Classes);
                accuracy[m][split] = OutputValidator.Accuracy(values, options.Classes, samples.Labels);
                outputs[m][split] = PoolBinaryFile.WriteOutputs(stage.Path, $"outputs/{split}/{m:D5}.f16", values,
                    n, options.Classes);
                progress?.Invoke(++done, 2 * models.Count);
            }
        }

        var entries = models.Select((t, m) => new ModelEntry(t.Name,
            PoolSplits.All.ToDictionary(s => s, _ => Math.Round(t.Gmacs * 1000, 6)), accuracy[m], outputs[m]))
            .ToList();
        var manifest = new PoolManifest(PoolManifest.FormatName, PoolManifest.CurrentVersion, options.Classes,
            splits, entries, $"encas bench make-pool --models {options.Models} --samples {options.ValSamples} "
            + $"--test-samples {options.TestSamples} --classes {options.Classes} --seed {options.Seed}");
        AtomicFile.WriteAllText(Path.Combine(stage.Path, PoolManifest.FileName), manifest.ToJson());
        stage.Publish();
        return manifest;
    }

    private static void Fill(SyntheticModel model, Half[] values, int rows, int classes)
    {
        const int Block = 256;
        Parallel.For(0, (rows + Block - 1) / Block, b =>
        {
            int end = Math.Min(rows, (b + 1) * Block);
            for (int i = b * Block; i < end; i++)
            {
                model.WriteRow(i, values.AsSpan(i * classes, classes));
            }
        });
    }
}
