using System.Diagnostics;
using System.Text.Json;
using Encas.Cli.Tests.Support;
using Encas.Core.Tests.Support;

namespace Encas.Cli.Tests;

/// <summary><c>encas search</c> as a user runs it, on a pool it has never seen.</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public SearchCommandTests()
    {
        RandomSourcePool.Create(41, models: 9, samples: 300, classes: 5).Write(_dir.Combine("source"));
        Assert.Equal(0, EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", _dir.Combine("pool"))
            .ExitCode);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Search_writes_the_contract_summary_fronts_and_plots_and_repeats_itself()
    {
        string[] args = ["--runs", "3", "--evaluations", "3000", "--islands", "2", "--migration-interval", "500",
            "--baseline", "random"];
        var first = EncasProcess.Run(["search", _dir.Combine("pool"), "--out", _dir.Combine("a"), .. args]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = EncasProcess.Run(["search", _dir.Combine("pool"), "--out", _dir.Combine("b"), .. args]);
        Assert.Equal(0, second.ExitCode);
        string summary = File.ReadAllText(_dir.Combine("a", "summary.json"));
        Assert.Equal(summary, File.ReadAllText(_dir.Combine("b", "summary.json")));

        using var json = JsonDocument.Parse(summary);
        var root = json.RootElement;
        Assert.Equal([40.0, 4000.0], root.GetProperty("reference_point").EnumerateArray().Select(e => e.GetDouble()));
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        Assert.InRange(root.GetProperty("median_run").GetInt32(), 0, 2);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(r, runs[r].GetProperty("run").GetInt32());
            Assert.Equal(1723 + r, runs[r].GetProperty("seed").GetInt64());
            Assert.InRange(runs[r].GetProperty("evaluations").GetInt64(), 3000, 4000);
            Assert.InRange(runs[r].GetProperty("test_hypervolume").GetDouble(), 0, 1);
            var front = runs[r].GetProperty("front").EnumerateArray().ToList();
            Assert.NotEmpty(front);
            CheckAgainstEvaluate(front[^1]);
        }

        foreach (string file in new[] { "front.png", "front-log.png", "hypervolume.png" })
        {
            var bytes = File.ReadAllBytes(_dir.Combine("a", file));
            Assert.True(bytes.Length > 5000, $"{file} is only {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }

        Assert.True(File.Exists(_dir.Combine("a", "runs", "run-02", "front.csv")));
        Assert.True(File.Exists(_dir.Combine("a", "baseline", "run-00", "front.csv")));
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void An_interrupted_search_cleans_up_and_exits_with_the_signal_code(string signal, int code)
    {
        // A process whose parent ignores SIGINT (a background job of a non-interactive shell) inherits that, and
        // .NET cannot take it back: the signal never arrives.
        Assert.SkipWhen(signal == "INT" && SigIntIgnored(),
            "SIGINT is ignored in this test process (inherited from the shell that started it), so encas would be too");
        var environment = new Dictionary<string, string> { ["TMPDIR"] = _dir.Combine("tmp") };
        Directory.CreateDirectory(_dir.Combine("tmp"));
        var run = EncasProcess.Run(environment, (process, stderr) =>
        {
            // The first progress line shows the search is under way; after a minute the signal goes anyway.
            SpinWait.SpinUntil(() => stderr().Contains("evaluations", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60));
            string pid = process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var kill = Process.Start("kill", [$"-{signal}", pid]);
            kill.WaitForExit();
        }, "search", _dir.Combine("pool"), "--out", _dir.Combine("out"), "--runs", "2", "--evaluations", "50000000");
        Assert.Equal(code, run.ExitCode);
        Assert.EndsWith("error: interrupted; nothing half-written was left behind", run.Stderr.Trim(),
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Combine("tmp"))); // the embedded node's journal folder
        Assert.Equal(["pool", "source", "tmp"],
            Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("--islands", "0", "--islands must be at least 1")]
    [InlineData("--reference-point", "40", "--reference-point: '40' is not ERROR,MFLOPS (e.g. 40,4000)")]
    public void Bad_options_are_one_line_errors(string option, string value, string message)
    {
        var run = EncasProcess.Run("search", _dir.Combine("pool"), "--out", _dir.Combine("out"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {message}", run.Stderr.Trim());
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    private void CheckAgainstEvaluate(JsonElement point)
    {
        string genome = string.Join(',', point.GetProperty("genome").EnumerateArray().Select(g => g.GetInt32()));
        var evaluate = EncasProcess.Run("evaluate", _dir.Combine("pool"), "--genome", genome);
        using var line = JsonDocument.Parse(evaluate.Stdout);
        foreach (string key in new[] { "val_error", "val_mflops", "test_error", "test_mflops" })
        {
            Assert.Equal(line.RootElement.GetProperty(key).GetDouble(), point.GetProperty(key).GetDouble());
        }
    }

    private static bool SigIntIgnored()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:",
            StringComparison.Ordinal));
        return line is not null
            && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0; // bit 1 = signal 2
    }
}
