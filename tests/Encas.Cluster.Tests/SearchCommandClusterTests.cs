using Encas.Cli.Tests.Support;
using Encas.Core.Tests.Support;

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
}
