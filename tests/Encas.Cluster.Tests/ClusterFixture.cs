using Encas.Cli.Tests.Support;
using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Reports;

namespace Encas.Cluster.Tests;

/// <summary>
/// The sample pool imported once, and the reference answer: the pure library's ten-run protocol
/// (<see cref="SearchExperiment.Run"/>, no actors, no journal) with the settings every cluster test submits.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    /// <summary>The search settings of every cluster experiment here (long enough to kill a node mid-run).</summary>
    public static readonly string[] Settings =
    [
        "--runs", "2", "--evaluations", "30000", "--islands", "2", "--migration-interval", "1500", "--migrants", "4",
        "--seed", "11", "--reference-point", "40,4",
    ];

    /// <summary>The same settings as <see cref="Settings"/>, for the library.</summary>
    public static readonly SearchSettings LibrarySettings = new()
    {
        Runs = 2, Evaluations = 30000, Islands = 2, MigrationInterval = 1500, Migrants = 4, Seed = 11,
        ReferenceError = 40, ReferenceMflops = 4,
    };

    private readonly TempDir _dir = new();

    public ClusterFixture()
    {
        PoolPath = RepoPaths.ImportSamplePool(_dir.Combine("pool"));
        string reference = _dir.Combine("reference");
        using (var pool = Pool.Open(PoolPath))
        {
            var result = SearchExperiment.Run(pool, LibrarySettings);
            ExperimentReport.Write(result, pool.Manifest.Models.Select(m => m.Name).ToList(), reference, false);
        }

        ReferenceSummary = File.ReadAllText(Path.Combine(reference, "summary.json"));
    }

    /// <summary>The imported sample pool.</summary>
    public string PoolPath { get; }

    /// <summary>summary.json of the library's run.</summary>
    public string ReferenceSummary { get; }

    public void Dispose() => _dir.Dispose();
}
