using System.Text.Json;
using Encas.Cli.Tests.Support;
using Encas.Core.Tests.Support;

namespace Encas.Cli.Tests;

/// <summary><c>encas bench gomea</c> as a user runs it, against the reference's golden trace.</summary>
public sealed class BenchGomeaCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Zeromax_onemax_writes_the_golden_statistics_byte_for_byte()
    {
        string golden = Path.Combine(RepoPaths.Root(), "..", "shared", "data", "mogomea", "golden",
            "zm100_seed1_statistics.dat");
        Assert.SkipWhen(!File.Exists(golden), $"{golden} is not here (../shared/data is optional)");
        string statistics = _dir.Combine("zm.dat");
        var run = EncasProcess.Run("bench", "gomea", "--problem", "zeromax-onemax", "--length", "100", "--seed", "1",
            "--statistics", statistics);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(File.ReadAllBytes(golden), File.ReadAllBytes(statistics));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(18_181, json.RootElement.GetProperty("final_evaluations").GetInt64());
        Assert.Equal(101, json.RootElement.GetProperty("archive_size").GetInt32());
    }

    [Fact]
    public void An_unknown_problem_is_a_one_line_error()
    {
        var run = EncasProcess.Run("bench", "gomea", "--problem", "sphere", "--length", "10", "--seed", "1");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("sphere", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
