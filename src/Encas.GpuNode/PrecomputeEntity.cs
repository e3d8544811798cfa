using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Encas.Core.Pools;
using Encas.Inference.Building;
using Encas.Inference.Runtime;
using Encas.Messages;

namespace Encas.GpuNode;

/// <summary>
/// One model of one pool build as a sharded entity (entity id <see cref="PrecomputeModel.EntityId"/>): it answers
/// <see cref="PrecomputeModel"/> with <see cref="PrecomputeProgress"/> after every batch and then one
/// <see cref="PrecomputeDone"/> or <see cref="PrecomputeFailed"/>, all to the sender.
/// </summary>
/// <remarks>
/// The command is idempotent: a repeat of a finished command is answered from the result while its files are
/// intact, otherwise the model is run again (on a fresh session) and its files rewritten with identical bytes.
/// It runs on <see cref="PrecomputeDispatcher"/> because one command holds its thread for the whole model; repeats
/// that arrive meanwhile wait in the mailbox and are answered from the result. After
/// <see cref="IdleTimeout"/> without a command it passivates.
/// </remarks>
public sealed class PrecomputeEntity : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly GpuResources _resources;
    private readonly string _node;
    private PrecomputeDone? _done;

    /// <summary>An entity over the node's <paramref name="resources"/>; create it through
    /// <see cref="Props(GpuResources)"/>, which also picks the dispatcher.</summary>
    public PrecomputeEntity(GpuResources resources, TimeSpan idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _resources = resources;
        _node = ((ExtendedActorSystem)Context.System).Provider.DefaultAddress.ToString();
        Receive<PrecomputeModel>(Handle);
        Receive<ReceiveTimeout>(_ => Idle());
        SetReceiveTimeout(idleTimeout);
    }

    /// <summary>How long an entity waits for a command before it is passivated: 5 minutes.</summary>
    public static TimeSpan IdleTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The props of a precompute entity on its dispatcher.</summary>
    /// <remarks>The node's configuration must contain <see cref="PrecomputeDispatcher.Hocon"/>.</remarks>
    public static Props Props(GpuResources resources) => Props(resources, IdleTimeout);

    /// <summary>The props with another idle timeout (tests).</summary>
    internal static Props Props(GpuResources resources, TimeSpan idleTimeout)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return Akka.Actor.Props.Create(() => new PrecomputeEntity(resources, idleTimeout))
            .WithDispatcher(PrecomputeDispatcher.Name);
    }

    private void Handle(PrecomputeModel command)
    {
        if (_done is { } done && done.BuildId == command.BuildId && done.ModelIndex == command.ModelIndex
            && Intact(command.Model.StagingDir, done))
        {
            _log.Debug("Precompute {Entity}: answering a repeat from the finished result", command.EntityId);
            Sender.Tell(done);
            return;
        }

        var requester = Sender;
        var spec = command.Model;
        try
        {
            _done = null;
            _done = Run(command, requester);
            _log.Info("Precompute {Entity} ({Model}) done on {Provider}: {Rate:F0} images/s", command.EntityId,
                spec.Name, _done.Provider, _done.ImagesPerSecond);
            requester.Tell(_done);
        }
        catch (Exception ex)
        {
            bool retryable = ModelPrecomputer.IsRetryable(ex);
            string reason = ex is InvalidDataException or NotSupportedException
                ? OneLine(ex.Message)
                : OneLine($"{spec.ModelPath}: {ex.GetType().Name}: {ex.Message}");
            _log.Warning("Precompute {Entity} ({Model}) failed (retryable {Retryable}): {Reason}", command.EntityId,
                spec.Name, retryable, reason);
            requester.Tell(new PrecomputeFailed(command.BuildId, command.ModelIndex, reason, retryable, _node));
        }
    }

    private PrecomputeDone Run(PrecomputeModel command, IActorRef requester)
    {
        var spec = command.Model;
        RequireStaging(spec);

        var device = Enum.Parse<DeviceChoice>(spec.Device, ignoreCase: true);
        OutputKind? declared = spec.DeclaredOutput switch
        {
            null => null,
            "logits" => OutputKind.Logits,
            "probabilities" => OutputKind.Probabilities,
            var other => throw new ArgumentException($"{spec.ModelPath}: unknown declared output '{other}'"),
        };
        var model = new ModelSpec(spec.Name, spec.ModelPath, spec.Mflops, spec.Macs, spec.ComputeSource, declared);
        var splits = _resources.Data(spec.DataDir, spec.SampleLimit);
        var precomputer = new ModelPrecomputer(_resources.Sessions(device));
        var outputs = precomputer.Infer(model, splits, spec.BatchSize,
            (split, done, total) => requester.Tell(
                new PrecomputeProgress(command.BuildId, command.ModelIndex, split, done, total, _node)),
            CancellationToken.None);

        // A build cancelled while the model ran has deleted its staging folder; writing would bring it back.
        RequireStaging(spec);
        var result = ModelPrecomputer.Store(spec.StagingDir, command.ModelIndex, model, outputs, splits);
        var files = PoolSplits.All.Select(s =>
        {
            var file = result.Entry.Outputs[s];
            return new PrecomputedSplit(s, file.Path, file.Bytes, file.Sha256, splits[s].Samples, result.Classes,
                result.Entry.Accuracy[s]);
        }).ToList();
        return new PrecomputeDone(command.BuildId, command.ModelIndex, files, result.Record.Provider,
            result.Record.Output, result.Record.OutputSource, result.Record.ImagesPerSecond, _node);
    }

    private static void RequireStaging(PrecomputeSpec spec)
    {
        if (!Directory.Exists(spec.StagingDir))
        {
            throw new InvalidDataException(
                $"{spec.ModelPath}: the build's staging folder {spec.StagingDir} is gone (build ended or not shared)");
        }
    }

    private static bool Intact(string stagingDir, PrecomputeDone done) => done.Splits.All(s =>
    {
        string path = Path.Combine(stagingDir, s.Path);
        return File.Exists(path) && PoolBinaryFile.Sha256(File.ReadAllBytes(path)) == s.Sha256;
    });

    private void Idle()
    {
        SetReceiveTimeout(null);
        var elements = Self.Path.Elements;
        if (elements.Count == 5 && elements[0] == "system" && elements[1] == "sharding")
        {
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
        else
        {
            Context.Stop(Self);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
