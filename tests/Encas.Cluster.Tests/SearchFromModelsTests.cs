using Encas.Cli.Tests.Support;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Reports;

namespace Encas.Cluster.Tests;

/// <summary>
/// <c>encas search POOL --models DIR --data DIR</c>: the coordinator builds the missing pool on the gpu role first
/// (sharded precompute), then searches it; pool and report equal the in-process builder's pool searched by the
/// library.
/// </summary>
public sealed class SearchFromModelsTests : IDisposable
{
    private static readonly string[] Models = ["logreg_7x7", "mlp_1x8", "cnn_4"];
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Should_build_the_missing_pool_on_the_gpu_role_then_search_it()
    {
        string models = _dir.Combine("models");
        Directory.CreateDirectory(models);
        foreach (string name in Models)
        {
            File.Copy(Path.Combine(RepoPaths.Root(), "samples", "fashion-mnist", "models", $"{name}.onnx"),
                Path.Combine(models, $"{name}.onnx"));
        }

        string data = Path.Combine(RepoPaths.Root(), "samples", "fashion-mnist", "data");
        string pool = _dir.Combine("built");
        string outDir = _dir.Combine("search");

        var run = EncasProcess.Run(["search", pool, "--models", models, "--data", data, "--limit", "1500",
            "--device", "cpu", "--out", outDir, "--runs", "2", "--evaluations", "3000", "--seed", "4",
            "--reference-point", "40,4"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string reference = _dir.Combine("reference-pool");
        new PoolBuilder(new OnnxSessionFactory(DeviceChoice.Cpu)).Build(
            new PoolBuildOptions(models, data, reference, DeviceChoice.Cpu, SampleLimit: 1500),
            cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Checksums(reference), Checksums(pool));
        Assert.Equal(LibrarySummary(pool), File.ReadAllText(Path.Combine(outDir, "summary.json")));
    }

    [Fact]
    public void Should_refuse_models_without_data_in_one_line()
    {
        var run = EncasProcess.Run("search", _dir.Combine("nothing"), "--models", _dir.Path, "--out",
            _dir.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --models and --data go together: give both to build the pool first", run.Stderr.Trim());
    }

    private static string Checksums(string pool)
    {
        string file = Path.Combine(pool, PoolManifest.FileName);
        var manifest = PoolManifest.Parse(File.ReadAllText(file), file);
        return string.Join("\n", manifest.Models.SelectMany(m => m.Outputs.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{m.Name} {f.Key} {f.Value.Sha256}")));
    }

    private string LibrarySummary(string poolPath)
    {
        string reference = _dir.Combine("library");
        using var pool = Pool.Open(poolPath);
        var settings = new SearchSettings
        {
            Runs = 2, Evaluations = 3000, Seed = 4, ReferenceError = 40, ReferenceMflops = 4,
        };
        ExperimentReport.Write(SearchExperiment.Run(pool, settings), pool.Manifest.Models.Select(m => m.Name).ToList(),
            reference, false);
        return File.ReadAllText(Path.Combine(reference, "summary.json"));
    }
}
