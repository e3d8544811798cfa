using System.Text.Json;
using Encas.Cli.Tests.Support;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Cli.Tests;

/// <summary>The pool and evaluate commands as a user runs them: a real process, real files.</summary>
public sealed class PoolAndEvaluateCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public PoolAndEvaluateCommandTests()
    {
        RandomSourcePool.Create(21, models: 5, samples: 120, classes: 4).Write(_dir.Combine("source"));
    }

    public void Dispose() => _dir.Dispose();

    private string PoolDir => _dir.Combine("pool");

    [Fact]
    public void Pool_show_json_follows_the_contract()
    {
        Assert.Equal(0, EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", PoolDir).ExitCode);
        var show = EncasProcess.Run("pool", "show", PoolDir, "--json");
        Assert.Equal(0, show.ExitCode);
        using var json = JsonDocument.Parse(show.Stdout);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("classes").GetInt32());
        Assert.Equal(120, root.GetProperty("samples").GetProperty("val").GetInt32());
        Assert.Equal(120, root.GetProperty("samples").GetProperty("test").GetInt32());
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["model0", "model1", "model2", "model3", "model4"],
            models.Select(m => m.GetProperty("name").GetString()));
        using var pool = Pool.Open(PoolDir);
        for (int m = 0; m < 5; m++)
        {
            var single = new CascadeEvaluator(pool.Test).Evaluate([m + 1, 0, 0, 0, 0, 0, 0, 0, 0]);
            Assert.Equal(100 - single.ErrorPercent, models[m].GetProperty("test_accuracy").GetDouble(), 9);
            Assert.Equal(pool.Val.ModelMflops(m), models[m].GetProperty("mflops").GetDouble());
        }
    }

    [Fact]
    public void Evaluate_prints_one_json_line_per_genome_with_the_exact_scores()
    {
        EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", PoolDir);
        string file = _dir.Combine("genomes.txt");
        File.WriteAllLines(file, ["# two cascades", "1,3,0,0,0,0,40,0,0", "", "0,5,2,4,0,9,30,45,10"]);
        var run = EncasProcess.Run("evaluate", PoolDir, "--genomes", file);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var pool = Pool.Open(PoolDir);
        var genome = new[] { 0, 5, 2, 4, 0, 9, 30, 45, 10 };
        var val = new CascadeEvaluator(pool.Val).Evaluate(genome);
        var test = new CascadeEvaluator(pool.Test).Evaluate(genome);
        using var json = JsonDocument.Parse(lines[1]);
        var line = json.RootElement;
        Assert.Equal(genome, line.GetProperty("genome").EnumerateArray().Select(g => g.GetInt32()));
        Assert.Equal(val.ErrorPercent, line.GetProperty("val_error").GetDouble());
        Assert.Equal(val.Mflops, line.GetProperty("val_mflops").GetDouble());
        Assert.Equal(test.ErrorPercent, line.GetProperty("test_error").GetDouble());
        Assert.Equal(test.Mflops, line.GetProperty("test_mflops").GetDouble());
    }

    [Theory]
    [InlineData("1,2,3", "--genome: a genome has 9 genes, this one has 3")]
    [InlineData("1,2,3,4,6,1,1,1,1", "--genome: gene 4 (model) is 6, outside [0, 5]")]
    public void A_bad_genome_is_a_one_line_error_with_exit_code_2(string genome, string message)
    {
        EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", PoolDir);
        var run = EncasProcess.Run("evaluate", PoolDir, "--genome", genome);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {message}", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_bad_line_in_a_genomes_file_names_the_file_and_line_and_prints_nothing()
    {
        EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", PoolDir);
        string file = _dir.Combine("genomes.txt");
        File.WriteAllLines(file, ["1,0,0,0,0,0,0,0,0", "1,0,0,0,0,0,0,0,77"]);
        var run = EncasProcess.Run("evaluate", PoolDir, "--genomes", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}, line 2: gene 8 (threshold) is 77", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Importing_logits_fails_in_one_line_and_writes_nothing()
    {
        string file = _dir.Combine("source", "output_distrs_val", "2.npy.gz");
        var logits = new float[120, 4];
        logits[7, 1] = 3.5f;
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Float16(logits)));
        var run = EncasProcess.Run("pool", "import", _dir.Combine("source"), "--out", PoolDir);
        Assert.Equal(2, run.ExitCode);
        // Progress lines may come first; the error itself is the last line, and only one line.
        var lines = run.Stderr.Trim().Split('\n');
        string error = lines[^1];
        Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: ", error);
        Assert.Contains("2.npy.gz (model 2 'model2'): row 0 sums to 0.0000", error);
        Assert.False(Directory.Exists(PoolDir));
        Assert.Equal(["source"], Directory.GetFileSystemEntries(_dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("pool", "import")]
    [InlineData("pool", "show")]
    [InlineData("evaluate")]
    public void Every_command_prints_help(params string[] command)
    {
        var run = EncasProcess.Run([.. command, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
    }

    [Fact]
    public void A_missing_required_option_fails()
    {
        var run = EncasProcess.Run("pool", "import", _dir.Combine("source"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
    }
}
