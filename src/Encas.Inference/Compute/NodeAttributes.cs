using Onnx;

namespace Encas.Inference.Compute;

/// <summary>Typed access to the attributes of an ONNX node, with defaults.</summary>
internal static class NodeAttributes
{
    public static AttributeProto? Find(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);

    public static long Int(NodeProto node, string name, long fallback) => Find(node, name)?.I ?? fallback;

    public static long[]? Ints(NodeProto node, string name) =>
        Find(node, name) is { } a ? [.. a.Ints] : null;

    public static string Text(NodeProto node, string name, string fallback) =>
        Find(node, name) is { } a ? a.S.ToStringUtf8() : fallback;
}
