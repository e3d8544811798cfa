using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Data;
using Encas.Inference.Runtime;
using Encas.Messages;

namespace Encas.GpuNode.Tests;

/// <summary>The driver's pure bookkeeping: what is sent and re-sent, retries, failures by model, publishing.</summary>
public sealed class PoolBuildPlanTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.Combine("out", "pool");

    private PoolBuildPlan Plan(int models = 3, int maxAttempts = 2, IReadOnlyList<ModelFailure>? rejected = null)
    {
        var specs = Enumerable.Range(0, models)
            .Select(i => new ModelSpec($"m{i}", _dir.Combine($"m{i}.onnx"), i + 1, (i + 1) * 1_000_000L, "graph",
                i == 1 ? OutputKind.Logits : null))
            .ToList();
        var splits = PoolSplits.All.ToDictionary(s => s,
            s => new DatasetSplit(s, new float[4], [1], [0, 1, 2, 1], _dir.Combine($"{s}_x.npy"),
                _dir.Combine($"{s}_y.npy")));
        var options = new PoolBuildOptions(_dir.Path, _dir.Path, Out, DeviceChoice.Cpu, 32, MaxAttempts: maxAttempts,
            SampleLimit: 4);
        return new PoolBuildPlan("b1", options, specs, rejected ?? [], splits);
    }

    // A reply as an entity gives it, with the two files really written into the stage.
    private static PrecomputeDone Done(PoolBuildPlan plan, int index, int classes = 3, string node = "n1")
    {
        var files = PoolSplits.All.Select(s =>
        {
            var values = Enumerable.Repeat((Half)(1.0 / classes), 4 * classes).ToArray();
            var file = PoolBinaryFile.WriteOutputs(plan.StagingDir, ModelPrecomputer.OutputPath(s, index), values, 4,
                classes);
            return new PrecomputedSplit(s, file.Path, file.Bytes, file.Sha256, 4, classes, 25);
        });
        return new PrecomputeDone("b1", index, [.. files], OnnxSessionFactory.CpuProvider, "probabilities",
            "first batch", 1000, node);
    }

    [Fact]
    public void Should_send_one_command_per_model_with_its_spec()
    {
        using var plan = Plan();

        var commands = plan.Start(T0);

        Assert.Equal(["b1.m0", "b1.m1", "b1.m2"], commands.Select(c => c.EntityId));
        Assert.Equal(("m1", "logits", "cpu", 32, 4), (commands[1].Model.Name, commands[1].Model.DeclaredOutput,
            commands[1].Model.Device, commands[1].Model.BatchSize, commands[1].Model.SampleLimit));
        Assert.Null(commands[0].Model.DeclaredOutput);
        Assert.Equal(plan.StagingDir, commands[2].Model.StagingDir);
        Assert.All(plan.Models, m => Assert.Equal("pending", m.State));
    }

    [Fact]
    public void Should_resend_only_models_nobody_reported_on_for_the_timeout()
    {
        using var plan = Plan();
        plan.Start(T0);
        plan.OnProgress(new PrecomputeProgress("b1", 0, "val", 10, 100, "n1"), T0.AddSeconds(8));
        plan.OnDone(Done(plan, 2), T0.AddSeconds(9));

        var early = plan.DueForResend(T0.AddSeconds(9), TimeSpan.FromSeconds(10));
        var due = plan.DueForResend(T0.AddSeconds(10), TimeSpan.FromSeconds(10));
        var again = plan.DueForResend(T0.AddSeconds(18), TimeSpan.FromSeconds(10));

        Assert.Empty(early);
        Assert.Equal([1], due.Select(c => c.ModelIndex));
        Assert.Equal([0], again.Select(c => c.ModelIndex));
    }

    [Fact]
    public void Should_retry_a_retryable_failure_until_the_attempts_are_spent()
    {
        using var plan = Plan(maxAttempts: 2);
        plan.Start(T0);

        var (first, _) = plan.OnFailed(new PrecomputeFailed("b1", 1, "m1.onnx: IOException: disk", true, "n1"), T0);
        var (second, changed) = plan.OnFailed(new PrecomputeFailed("b1", 1, "m1.onnx: IOException: disk", true, "n2"),
            T0);
        var (late, ignored) = plan.OnFailed(new PrecomputeFailed("b1", 1, "again", true, "n2"), T0);

        Assert.Equal(1, first?.ModelIndex);
        Assert.Null(second);
        Assert.Equal(("failed", 2, "m1.onnx: IOException: disk"), (changed!.State, changed.Attempts, changed.Reason));
        Assert.Null(late);
        Assert.Null(ignored);
    }

    [Fact]
    public void Should_not_retry_a_failure_that_a_retry_cannot_change()
    {
        using var plan = Plan(maxAttempts: 5);
        plan.Start(T0);

        var (resend, changed) = plan.OnFailed(new PrecomputeFailed("b1", 0, "m0.onnx: bad shape", false, "n1"), T0);

        Assert.Null(resend);
        Assert.Equal("failed", changed!.State);
    }

    [Fact]
    public void Should_ignore_duplicates_and_replies_of_other_builds()
    {
        using var plan = Plan();
        plan.Start(T0);
        var done = Done(plan, 0);

        Assert.NotNull(plan.OnDone(done, T0));
        Assert.Null(plan.OnDone(done, T0));
        Assert.Null(plan.OnDone(done with { BuildId = "b2", ModelIndex = 1 }, T0));
        Assert.Null(plan.OnProgress(new PrecomputeProgress("b1", 0, "val", 1, 4, "n1"), T0));
        Assert.Null(plan.OnProgress(new PrecomputeProgress("b1", 9, "val", 1, 4, "n1"), T0));
    }

    [Fact]
    public void Should_publish_the_manifest_in_pool_order_when_every_model_succeeded()
    {
        using var plan = Plan();
        plan.Start(T0);
        foreach (int i in new[] { 2, 0, 1 })
        {
            plan.OnDone(Done(plan, i, node: $"n{i % 2}"), T0);
        }

        File.WriteAllBytes(Path.Combine(plan.StagingDir, "outputs", "val", ".00001.f16.dead.tmp"), [1]);
        var outcome = plan.Finish();

        Assert.Equal(["m0", "m1", "m2"], outcome.Manifest!.Models.Select(m => m.Name));
        Assert.Equal([1.0, 2.0, 3.0], outcome.Manifest.Models.Select(m => m.Mflops[PoolSplits.Val]));
        Assert.Equal("outputs/test/00002.f16", outcome.Manifest.Models[2].Outputs[PoolSplits.Test].Path);
        using var pool = Pool.Open(Out);
        Assert.Equal(3, pool.Manifest.Models.Count);
        Assert.Empty(Directory.EnumerateFiles(Out, "*.tmp", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(plan.StagingDir));
    }

    [Fact]
    public void Should_report_every_failed_model_and_publish_nothing()
    {
        var rejected = new List<ModelFailure> { new("odd", "odd.onnx: cannot count MACs; give them in models.json") };
        var plan = Plan(rejected: rejected);
        plan.Start(T0);
        plan.OnDone(Done(plan, 0, classes: 3), T0);
        plan.OnFailed(new PrecomputeFailed("b1", 1, "m1.onnx: output has shape [N,3,2]", false, "n1"), T0);
        plan.OnDone(Done(plan, 2, classes: 4), T0);

        var outcome = plan.Finish();
        plan.Dispose();

        Assert.Null(outcome.Manifest);
        Assert.Null(outcome.DataError);
        Assert.Equal(["odd", "m1", "m2"], outcome.Failures.Select(f => f.Name));
        Assert.Contains("outputs 4 classes, the models before it output 3", outcome.Failures[2].Reason,
            StringComparison.Ordinal);
        Assert.Equal(4, outcome.Models);
        Assert.False(Directory.Exists(Out));
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Combine("out")));
    }

    [Fact]
    public void Should_report_a_labels_error_as_a_data_error()
    {
        using var plan = Plan(models: 1);
        plan.Start(T0);
        string reason = $"{_dir.Combine("val_y.npy")}: label 7 at row 3 is not a class of 3";
        plan.OnFailed(new PrecomputeFailed("b1", 0, reason, false, "n1"), T0);

        var outcome = plan.Finish();

        Assert.Equal(reason, outcome.DataError);
    }

    [Fact]
    public void Should_refuse_to_finish_while_models_are_open()
    {
        using var plan = Plan();
        plan.Start(T0);

        Assert.Throws<InvalidOperationException>(() => plan.Finish());
    }
}
