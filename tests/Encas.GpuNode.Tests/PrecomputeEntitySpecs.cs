using Akka.Actor;
using Akka.Configuration;
using Encas.Core.Tests.Support;
using Encas.GpuNode.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Messages;
using Encas.Messages.Serialization;

namespace Encas.GpuNode.Tests;

/// <summary>The precompute entity on a test actor system: the files it writes, its repeats, its failures.</summary>
public sealed class PrecomputeEntitySpecs : Akka.TestKit.Xunit.TestKit, IDisposable
{
    private static readonly Config Hocon = ConfigurationFactory.ParseString(
        PrecomputeDispatcher.Hocon + "\n" + EncasMessageSerializer.Hocon);

    private readonly TempDir _dir = new();

    public PrecomputeEntitySpecs()
        : base(Hocon)
    {
    }

    private static TimeSpan Wait => TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    void IDisposable.Dispose()
    {
        Shutdown();
        _dir.Dispose();
    }

    private PrecomputeModel Command(string models, int index, string staging, int limit = 500) =>
        new("b1", index, new PrecomputeSpec(Path.GetFileNameWithoutExtension(Directory.GetFiles(models)[0]),
            Directory.GetFiles(models, "*.onnx").Order(StringComparer.Ordinal).ToArray()[0], SamplePool.Data, staging,
            "cpu", 64, null, 1.5, 1_500_000, "graph", limit));

    private ValueTask<PrecomputeDone> NextDone() =>
        FishForMessageAsync<PrecomputeDone>(m => m is PrecomputeDone, Wait, cancellationToken: Cancel);

    [Fact]
    public async Task Should_write_the_files_the_in_process_builder_writes()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "mlp_1x16");
        string staging = Directory.CreateDirectory(_dir.Combine("stage")).FullName;
        var entity = Sys.ActorOf(PrecomputeEntity.Props(new GpuResources()));
        var options = new PoolBuildOptions(models, SamplePool.Data, "", DeviceChoice.Cpu, 64, SampleLimit: 500);
        string reference = _dir.Combine("reference");
        SamplePool.Reference(options, reference);

        entity.Tell(Command(models, 0, staging), TestActor);
        var progress = await ExpectMsgAsync<PrecomputeProgress>(Wait, cancellationToken: Cancel);
        var done = await NextDone();

        Assert.Equal(("val", 500), (progress.Split, progress.Total));
        Assert.Equal(["val", "test"], done.Splits.Select(s => s.Split));
        Assert.Equal(OnnxSessionFactory.CpuProvider, done.Provider);
        Assert.Equal(("probabilities", "first batch"), (done.Output, done.OutputSource));
        foreach (var split in done.Splits)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(reference, split.Path)),
                File.ReadAllBytes(Path.Combine(staging, split.Path)));
            Assert.Equal((500, 10), (split.Rows, split.Classes));
        }

        Assert.Empty(SamplePool.Leftovers(staging));
    }

    [Fact]
    public async Task Should_answer_a_repeat_from_the_finished_result_and_redo_a_lost_file()
    {
        string models = SamplePool.CopyModels(_dir.Combine("models"), "logreg_7x7");
        string staging = Directory.CreateDirectory(_dir.Combine("stage")).FullName;
        var entity = Sys.ActorOf(PrecomputeEntity.Props(new GpuResources()));
        var command = Command(models, 2, staging, 200);
        entity.Tell(command, TestActor);
        var first = await NextDone();

        entity.Tell(command, TestActor);
        var repeat = await ExpectMsgAsync<PrecomputeDone>(Wait, cancellationToken: Cancel);
        File.Delete(Path.Combine(staging, first.Splits[1].Path));
        entity.Tell(command, TestActor);
        await ExpectMsgAsync<PrecomputeProgress>(Wait, cancellationToken: Cancel);
        var redone = await NextDone();

        Assert.Same(first, repeat);
        Assert.Equal(first.Splits, redone.Splits);
        Assert.Equal("outputs/test/00002.f16", redone.Splits[1].Path);
    }

    [Fact]
    public async Task Should_fail_without_retry_naming_a_corrupt_model()
    {
        string models = Directory.CreateDirectory(_dir.Combine("models")).FullName;
        File.WriteAllBytes(Path.Combine(models, "broken.onnx"), [1, 2, 3, 4, 5]);
        string staging = Directory.CreateDirectory(_dir.Combine("stage")).FullName;
        var entity = Sys.ActorOf(PrecomputeEntity.Props(new GpuResources()));

        entity.Tell(Command(models, 0, staging), TestActor);
        var failed = await ExpectMsgAsync<PrecomputeFailed>(Wait, cancellationToken: Cancel);

        Assert.False(failed.Retryable);
        Assert.Contains("broken.onnx", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(staging));
    }
}
