using Google.Protobuf;
using Onnx;

namespace Encas.Inference.Compute;

/// <summary>
/// Counts the multiply-accumulates (MACs) per sample of an ONNX classifier from its graph: Conv
/// (<c>N·M·out_spatial·(C/groups)·kernel</c>), Gemm (<c>M·K·N</c>) and MatMul (batch·n·k·m). Bias additions,
/// element-wise operators, pooling and softmax are not counted, as fvcore and ptflops do not count them.
/// </summary>
/// <remarks>Shapes are propagated with concrete sizes through the common layout and element-wise operators
/// (Reshape, Flatten, Transpose, Squeeze, Unsqueeze, Concat, Slice, Gather, Shape, Constant, pooling, reductions,
/// activations, normalisations), folding small integer tensors so that exported shape arithmetic resolves. The
/// first graph input's first axis is the batch axis: a symbolic batch counts one sample, a fixed batch
/// <c>B</c> counts a run of <c>B</c> samples divided by <c>B</c>.</remarks>
public static class MacCounter
{
    /// <summary>Counts the MACs per sample of the model stored in <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, or the counter cannot follow the
    /// graph; the message names the file and says to give the figure in <c>models.json</c>.</exception>
    public static long Count(string path)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException($"{path}: not an ONNX model ({ex.Message})", ex);
        }

        return Count(model, path);
    }

    /// <summary>Counts the MACs per sample of <paramref name="model"/>; <paramref name="file"/> names it in
    /// errors.</summary>
    /// <exception cref="InvalidDataException">The counter cannot follow the graph.</exception>
    public static long Count(ModelProto model, string file)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            if (model.Graph is null || model.Graph.Node.Count == 0)
            {
                throw new UnfollowableGraphException("the model has no graph nodes");
            }

            long batch = GraphWalk.FixedBatch(model);
            var walk = GraphWalk.Run(model, batch > 0 ? batch : 1);
            return batch > 1 ? walk.Macs / batch : walk.Macs;
        }
        catch (UnfollowableGraphException ex)
        {
            throw Unfollowable(file, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException
            or KeyNotFoundException)
        {
            // A malformed graph (ranks or attributes that do not fit its operators) ends the same way.
            throw Unfollowable(file, "inconsistent shapes or attributes", ex);
        }
    }

    private static InvalidDataException Unfollowable(string file, string reason, Exception inner) =>
        new($"{file}: cannot count MACs from the graph ({reason}); give the figure in models.json "
            + "(\"macs\" or \"mflops\" for this model)", inner);
}
