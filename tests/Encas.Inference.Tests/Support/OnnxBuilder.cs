using Google.Protobuf;
using Onnx;

namespace Encas.Inference.Tests.Support;

/// <summary>Builds small ONNX models in memory (opset 13, IR 8) for tests: no binary fixtures in the repo.</summary>
public sealed class OnnxBuilder
{
    public const int Float = 1;
    public const int Int64 = 7;

    private readonly GraphProto _graph = new() { Name = "test" };

    /// <summary>Adds a graph input; a string dimension is symbolic (the batch axis), a number is fixed.</summary>
    public OnnxBuilder Input(string name, int type, params object[] dims)
    {
        _graph.Input.Add(Info(name, type, dims));
        return this;
    }

    public OnnxBuilder Output(string name, int type, params object[] dims)
    {
        _graph.Output.Add(Info(name, type, dims));
        return this;
    }

    public OnnxBuilder Weights(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        _graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxBuilder Integers(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        _graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxBuilder Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}_{_graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return this;
    }

    public ModelProto Build()
    {
        var model = new ModelProto { IrVersion = 8, Graph = _graph, ProducerName = "encas-tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model;
    }

    public string Save(string path)
    {
        File.WriteAllBytes(path, Build().ToByteArray());
        return path;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>Deterministic weights: a fixed pattern in [-1, 1].</summary>
    public static float[] Pattern(int count, int salt = 0) =>
        [.. Enumerable.Range(0, count).Select(i => (float)Math.Sin((i * 0.7) + salt))];

    private static ValueInfoProto Info(string name, int type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (object d in dims)
        {
            shape.Dim.Add(d is string p
                ? new TensorShapeProto.Types.Dimension { DimParam = p }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, null) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = type, Shape = shape } },
        };
    }
}
