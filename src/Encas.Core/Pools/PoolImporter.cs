using System.Text.RegularExpressions;
using Encas.Core.IO;
using Encas.Core.Numpy;

namespace Encas.Core.Pools;

/// <summary>
/// Imports the ENCAS authors' stored-output layout (<c>output_distrs_{val,test}/&lt;i&gt;.npy.gz</c> plus
/// <c>info.json</c> and label vectors) into a validated, checksummed pool. The pool is built in a staging
/// folder and published with one rename, so a failure leaves nothing behind.
/// </summary>
public static partial class PoolImporter
{
    /// <summary>Imports a pool; <paramref name="progress"/> receives (files done, files total).</summary>
    public static PoolManifest Import(PoolImportOptions options, Action<int, int>? progress = null)
    {
        if (!Directory.Exists(options.Source))
        {
            throw new DirectoryNotFoundException($"{options.Source}: no such folder");
        }

        var infos = PoolSplits.All.ToDictionary(s => s, s => ReadInfo(options.Source, s));
        int count = infos[PoolSplits.Val].Count;
        if (infos[PoolSplits.Test].Count != count)
        {
            throw new InvalidDataException(
                $"{options.Source}: output_distrs_val holds {count} models, output_distrs_test holds "
                + $"{infos[PoolSplits.Test].Count}");
        }

        if (count == 0)
        {
            throw new InvalidDataException($"{SplitDir(options.Source, PoolSplits.Val)}: no model files (0.npy.gz)");
        }

        var names = ModelNames(infos, count);
        var labels = new Dictionary<string, (string File, int[] Values)>
        {
            [PoolSplits.Val] = ReadLabels(options.Source, PoolSplits.Val, options.LabelsVal),
            [PoolSplits.Test] = ReadLabels(options.Source, PoolSplits.Test, options.LabelsTest),
        };

        using var stage = new StagedDirectory(options.Output, options.Replace);
        int classes = -1;
        var outputs = new Dictionary<string, StoredFile>[count];
        var accuracy = new Dictionary<string, double>[count];
        for (int m = 0; m < count; m++)
        {
            outputs[m] = [];
            accuracy[m] = [];
        }

        int done = 0;
        foreach (string split in PoolSplits.All)
        {
            var (labelFile, y) = labels[split];
            for (int m = 0; m < count; m++)
            {
                string file = Path.Combine(SplitDir(options.Source, split), $"{m}.npy.gz");
                string where = $"{file} (model {m} '{names[m]}')";
                var (values, rows, cols) = NpyReader.ReadHalfMatrix(file);
                classes = classes < 0 ? cols : classes;
                if (rows != y.Length || cols != classes)
                {
                    throw new InvalidDataException(
                        $"{where}: shape ({rows}, {cols}), expected ({y.Length}, {classes}): {y.Length} labels in "
                        + $"{labelFile}, {classes} classes in the first model");
                }

                OutputValidator.Validate(values, cols, where, options.SumTolerance);
                accuracy[m][split] = OutputValidator.Accuracy(values, cols, y);
                outputs[m][split] = PoolBinaryFile.WriteOutputs(stage.Path, $"outputs/{split}/{m:D5}.f16", values,
                    rows, cols);
                progress?.Invoke(++done, 2 * count);
            }

            OutputValidator.ValidateLabels(y, classes, labelFile);
        }

        var splits = PoolSplits.All.ToDictionary(
            s => s,
            s => new SplitEntry(labels[s].Values.Length,
                PoolBinaryFile.WriteLabels(stage.Path, $"labels/{s}.i32", labels[s].Values)));
        var models = Enumerable.Range(0, count)
            .Select(m => new ModelEntry(names[m],
                PoolSplits.All.ToDictionary(s => s, s => infos[s].Mflops[m]), accuracy[m], outputs[m]))
            .ToList();
        var manifest = new PoolManifest(PoolManifest.FormatName, PoolManifest.CurrentVersion, classes, splits,
            models, $"encas pool import {Path.GetFullPath(options.Source)}");
        AtomicFile.WriteAllText(Path.Combine(stage.Path, PoolManifest.FileName), manifest.ToJson());
        stage.Publish();
        return manifest;
    }

    private static string SplitDir(string source, string split) => Path.Combine(source, $"output_distrs_{split}");

    private sealed record SplitInfo(int Count, IReadOnlyList<double> Mflops, IReadOnlyList<string>? Names);

    private static SplitInfo ReadInfo(string source, string split)
    {
        string dir = SplitDir(source, split);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException(
                $"{dir}: missing (the ENCAS layout has output_distrs_val/ and output_distrs_test/)");
        }

        var info = StoredOutputsInfo.Read(Path.Combine(dir, "info.json"));
        var indices = Directory.EnumerateFiles(dir)
            .Select(f => ModelFilePattern().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        for (int i = 0; i < indices.Count; i++)
        {
            if (indices[i] != i)
            {
                throw new InvalidDataException($"{dir}: {i}.npy.gz is missing (model files must be 0 … N-1)");
            }
        }

        if (info.Mflops.Count != indices.Count)
        {
            throw new InvalidDataException(
                $"{Path.Combine(dir, "info.json")}: lists {info.Mflops.Count} flops, the folder holds "
                + $"{indices.Count} model files");
        }

        if (info.Names is not null && info.Names.Count != indices.Count)
        {
            throw new InvalidDataException(
                $"{Path.Combine(dir, "info.json")}: lists {info.Names.Count} net_names for {indices.Count} models");
        }

        return new SplitInfo(indices.Count, info.Mflops, info.Names);
    }

    private static string[] ModelNames(Dictionary<string, SplitInfo> infos, int count)
    {
        var names = infos[PoolSplits.Val].Names ?? infos[PoolSplits.Test].Names;
        var result = Enumerable.Range(0, count).Select(i => names?[i] ?? $"model_{i}").ToArray();
        var duplicate = result.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"info.json: model name '{duplicate.Key}' appears twice in net_names");
        }

        return result;
    }

    private static (string File, int[] Values) ReadLabels(string source, string split, string? given)
    {
        string? path = given ?? FindLabels(source, split);
        if (path is null)
        {
            throw new FileNotFoundException(
                $"{source}: no {split} labels found (labels_{split}.npy); pass --labels-{split} FILE");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such labels file", path);
        }

        return (path, NpyReader.ReadLabels(path));
    }

    private static string? FindLabels(string source, string split)
    {
        string plain = Path.Combine(source, $"labels_{split}.npy");
        if (File.Exists(plain))
        {
            return plain;
        }

        // The authors' own name is labels_<dataset>_<split><N>.npy, e.g. labels_cifar10_val10000.npy.
        var matches = Directory.EnumerateFiles(source, "labels_*.npy")
            .Where(f => Regex.IsMatch(Path.GetFileName(f), $@"^labels_.*_{split}\d*\.npy$"))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    [GeneratedRegex(@"^(\d+)\.npy\.gz$")]
    private static partial Regex ModelFilePattern();
}
