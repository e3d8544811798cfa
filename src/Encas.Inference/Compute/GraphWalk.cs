using Onnx;

namespace Encas.Inference.Compute;

/// <summary>
/// Walks an ONNX graph in node order with concrete shapes (batch of <c>batch</c>), propagating shapes (and small
/// integer values, for shape arithmetic) and summing the multiply-accumulates of Conv, Gemm and MatMul.
/// </summary>
internal sealed partial class GraphWalk
{
    private readonly Dictionary<string, TensorFacts> _facts = [];
    private readonly int _opset;

    private GraphWalk(int opset) => _opset = opset;

    /// <summary>Total MACs of one run of the graph with the batch size it was walked with.</summary>
    public long Macs { get; private set; }

    public static GraphWalk Run(ModelProto model, long batch)
    {
        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        var walk = new GraphWalk(opset is null ? 13 : (int)opset.Version);
        var graph = model.Graph ?? throw new UnfollowableGraphException("the model has no graph");
        foreach (var init in graph.Initializer)
        {
            walk._facts[init.Name] = TensorValues.Read(init);
        }

        foreach (var input in graph.Input.Where(i => !walk._facts.ContainsKey(i.Name)))
        {
            walk._facts[input.Name] = InputFacts(input, batch);
        }

        foreach (var node in graph.Node)
        {
            walk.Visit(node);
        }

        return walk;
    }

    /// <summary>The batch size the graph's first input fixes, or 0 when its first axis is symbolic.</summary>
    public static long FixedBatch(ModelProto model)
    {
        var inits = model.Graph.Initializer.Select(i => i.Name).ToHashSet();
        var input = model.Graph.Input.FirstOrDefault(i => !inits.Contains(i.Name));
        var dims = input?.Type?.TensorType?.Shape?.Dim;
        return dims is { Count: > 0 } && dims[0].ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue
            ? dims[0].DimValue
            : 0;
    }

    private static TensorFacts InputFacts(ValueInfoProto input, long batch)
    {
        var shape = input.Type?.TensorType?.Shape
            ?? throw new UnfollowableGraphException($"graph input '{input.Name}' has no tensor shape");
        var dims = new long[shape.Dim.Count];
        for (int d = 0; d < dims.Length; d++)
        {
            var dim = shape.Dim[d];
            bool known = dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue;
            dims[d] = d == 0 ? batch : known ? dim.DimValue
                : throw new UnfollowableGraphException(
                    $"graph input '{input.Name}' has a symbolic size '{dim.DimParam}' on axis {d}");
        }

        return new TensorFacts(dims);
    }

    private TensorFacts In(NodeProto node, int index)
    {
        if (index >= node.Input.Count || node.Input[index].Length == 0)
        {
            throw new UnfollowableGraphException($"{Describe(node)} lacks input {index}");
        }

        return _facts.TryGetValue(node.Input[index], out var facts) ? facts
            : throw new UnfollowableGraphException($"{Describe(node)} reads '{node.Input[index]}', which no earlier "
                + "node produces");
    }

    private TensorFacts? Optional(NodeProto node, int index) =>
        index < node.Input.Count && node.Input[index].Length > 0 ? In(node, index) : null;

    private long[] ConstantInput(NodeProto node, int index, string what) =>
        In(node, index).Values
        ?? throw new UnfollowableGraphException($"{Describe(node)}: its {what} (input {index}) is not a constant");

    private static string Describe(NodeProto node) =>
        node.Name.Length > 0 ? $"{node.OpType} node '{node.Name}'" : $"{node.OpType} node -> '{node.Output[0]}'";

    private void Visit(NodeProto node)
    {
        if (node.Domain is not ("" or "ai.onnx"))
        {
            throw new UnfollowableGraphException($"{Describe(node)} is from operator domain '{node.Domain}'");
        }

        var result = node.OpType switch
        {
            "Conv" => Conv(node),
            "Gemm" => Gemm(node),
            "MatMul" => MatMul(node),
            _ => Layout(node),
        };
        _facts[node.Output[0]] = result;
    }

    private TensorFacts Gemm(NodeProto node)
    {
        var (a, b) = (In(node, 0), In(node, 1));
        if (a.Rank != 2 || b.Rank != 2)
        {
            throw new UnfollowableGraphException($"{Describe(node)} multiplies {a.ShapeText} by {b.ShapeText}");
        }

        bool ta = NodeAttributes.Int(node, "transA", 0) != 0;
        bool tb = NodeAttributes.Int(node, "transB", 0) != 0;
        long m = ta ? a.Shape[1] : a.Shape[0];
        long k = ta ? a.Shape[0] : a.Shape[1];
        long kb = tb ? b.Shape[1] : b.Shape[0];
        long n = tb ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            throw new UnfollowableGraphException($"{Describe(node)}: inner sizes {k} and {kb} differ");
        }

        Macs += m * k * n;
        return new TensorFacts([m, n]);
    }

    private TensorFacts MatMul(NodeProto node)
    {
        var (a, b) = (In(node, 0), In(node, 1));
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new UnfollowableGraphException($"{Describe(node)} has a scalar operand");
        }

        // NumPy matmul: a 1-D operand gains an axis for the product and loses it in the result.
        long[] sa = a.Rank == 1 ? [1, a.Shape[0]] : a.Shape;
        long[] sb = b.Rank == 1 ? [b.Shape[0], 1] : b.Shape;
        long n = sa[^2], k = sa[^1], kb = sb[^2], m = sb[^1];
        if (k != kb)
        {
            throw new UnfollowableGraphException(
                $"{Describe(node)}: {a.ShapeText} × {b.ShapeText}, inner sizes {k} and {kb} differ");
        }

        long[] batch = Broadcast(node, sa[..^2], sb[..^2]);
        Macs += batch.Aggregate(1L, (x, y) => x * y) * n * k * m;
        var shape = new List<long>(batch);
        if (a.Rank > 1)
        {
            shape.Add(n);
        }

        if (b.Rank > 1)
        {
            shape.Add(m);
        }

        return new TensorFacts([.. shape]);
    }

    private TensorFacts Conv(NodeProto node)
    {
        var (x, w) = (In(node, 0), In(node, 1));
        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw new UnfollowableGraphException($"{Describe(node)}: input {x.ShapeText}, weights {w.ShapeText}");
        }

        long groups = NodeAttributes.Int(node, "group", 1);
        long perGroup = w.Shape[1];
        if (x.Shape[1] != perGroup * groups)
        {
            throw new UnfollowableGraphException(
                $"{Describe(node)}: {x.Shape[1]} input channels, but weights {w.ShapeText} with {groups} groups");
        }

        long[] kernel = w.Shape[2..];
        long[] spatial = Window(node, x.Shape[2..], kernel, ceilMode: false);
        long outputs = spatial.Aggregate(1L, (a, b) => a * b);
        Macs += x.Shape[0] * w.Shape[0] * outputs * perGroup * kernel.Aggregate(1L, (a, b) => a * b);
        return new TensorFacts([x.Shape[0], w.Shape[0], .. spatial]);
    }
}
