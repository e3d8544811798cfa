using Encas.Cli.Tests.Support;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Reports;

namespace Encas.Cluster.Tests;

/// <summary>
/// <c>encas search</c> runs the experiment through the embedded cluster (coordinator, SQLite journal, island
/// entities) in one process; its report equals the pure library's.
/// </summary>
public sealed class SearchCommandClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Should_give_the_library_summary_through_the_embedded_cluster()
    {
        string outDir = _dir.Combine("search");

        var result = EncasProcess.Run(["search", fixture.PoolPath, "--out", outDir, .. ClusterFixture.Settings]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(fixture.ReferenceSummary, File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.DoesNotContain("Remoting shut down", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_the_dense_library_summary_on_a_pool_with_a_sparse_sidecar()
    {
        // The search nodes and the report writer score validation from the sidecar; the library scores densely.
        string pool = RepoPaths.ImportSamplePool(_dir.Combine("pool"));
        var sparsify = EncasProcess.Run("bench", "sparsify", pool, "--k", "3");
        Assert.True(sparsify.ExitCode == 0, sparsify.Stderr);
        Assert.True(File.Exists(Path.Combine(pool, "sparse", "sparse.json")));
        string outDir = _dir.Combine("search");

        var result = EncasProcess.Run(["search", pool, "--out", outDir, "--runs", "2", "--evaluations", "4000",
            "--islands", "2", "--migration-interval", "1000", "--seed", "8", "--reference-point", "40,4",
            "--baseline", "random"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(LibrarySummary(pool), File.ReadAllText(Path.Combine(outDir, "summary.json")));
    }

    private string LibrarySummary(string poolPath)
    {
        string reference = _dir.Combine("library");
        using var pool = Pool.Open(poolPath);
        var settings = new SearchSettings
        {
            Runs = 2, Evaluations = 4000, Islands = 2, MigrationInterval = 1000, Seed = 8, ReferenceError = 40,
            ReferenceMflops = 4, RandomBaseline = true,
        };
        ExperimentReport.Write(SearchExperiment.Run(pool, settings), pool.Manifest.Models.Select(m => m.Name).ToList(),
            reference, false);
        return File.ReadAllText(Path.Combine(reference, "summary.json"));
    }
}
