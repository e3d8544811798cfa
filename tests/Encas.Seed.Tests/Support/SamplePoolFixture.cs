using Encas.Core.Pools;
using Encas.Core.Search;
using Encas.Core.Tests.Support;
using Encas.Reports;

namespace Encas.Seed.Tests.Support;

/// <summary>
/// The shipped sample pool imported once, and the pure library's report for <see cref="Settings"/>: the answer
/// the coordinator must reproduce through its actors and journal.
/// </summary>
public sealed class SamplePoolFixture : IDisposable
{
    /// <summary>Two runs of two islands, four epochs each: short, yet long enough to stop mid-run.</summary>
    public static readonly SearchSettings Settings = new()
    {
        Runs = 2, Evaluations = 8000, Islands = 2, MigrationInterval = 1000, Migrants = 4, Seed = 5,
        ReferenceError = 40, ReferenceMflops = 4,
    };

    private readonly TempDir _dir = new();

    public SamplePoolFixture()
    {
        PoolPath = RepoPaths.ImportSamplePool(_dir.Combine("pool"));
        string reference = _dir.Combine("reference");
        using (var pool = Pool.Open(PoolPath))
        {
            var result = SearchExperiment.Run(pool, Settings);
            ExperimentReport.Write(result, pool.Manifest.Models.Select(m => m.Name).ToList(), reference, false);
        }

        ReferenceSummary = File.ReadAllText(Path.Combine(reference, "summary.json"));
    }

    /// <summary>The imported pool.</summary>
    public string PoolPath { get; }

    /// <summary>summary.json of the library's run of <see cref="Settings"/>.</summary>
    public string ReferenceSummary { get; }

    public void Dispose() => _dir.Dispose();
}
