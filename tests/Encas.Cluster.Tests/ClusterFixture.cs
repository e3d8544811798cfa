using Encas.Cli.Tests.Support;
using Encas.Core.Tests.Support;

namespace Encas.Cluster.Tests;

/// <summary>
/// The sample pool imported once, and the reference answer: <c>encas search</c> in one process with the settings
/// every cluster test submits.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    /// <summary>The search settings of every cluster experiment here (long enough to kill a node mid-run).</summary>
    public static readonly string[] Settings =
    [
        "--runs", "2", "--evaluations", "30000", "--islands", "2", "--migration-interval", "1500", "--migrants", "4",
        "--seed", "11", "--reference-point", "40,4",
    ];

    private readonly TempDir _dir = new();

    public ClusterFixture()
    {
        string sample = RepoPaths.SamplePool()
            ?? throw new InvalidOperationException("samples/fashion-mnist is missing from the checkout");
        PoolPath = _dir.Combine("pool");
        Check(EncasProcess.Run("pool", "import", sample, "--out", PoolPath));
        string reference = _dir.Combine("reference");
        Check(EncasProcess.Run(["search", PoolPath, "--out", reference, .. Settings]));
        ReferenceSummary = File.ReadAllText(Path.Combine(reference, "summary.json"));
    }

    /// <summary>The imported sample pool.</summary>
    public string PoolPath { get; }

    /// <summary>summary.json of the single-process run.</summary>
    public string ReferenceSummary { get; }

    public void Dispose() => _dir.Dispose();

    private static void Check(EncasProcess.Result result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"encas failed ({result.ExitCode}): {result.Stderr}");
        }
    }
}
