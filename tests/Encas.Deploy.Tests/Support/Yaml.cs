using YamlDotNet.RepresentationModel;

namespace Encas.Deploy.Tests.Support;

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
public static class Yaml
{
    /// <summary>Every document of <paramref name="text"/> (a file may hold several, separated by ---).</summary>
    public static IReadOnlyList<YamlNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    /// <summary>The child <paramref name="key"/> of a mapping, or null.</summary>
    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The node at a dotted path (spec.template.spec), or null.</summary>
    public static YamlNode? At(this YamlNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current.Child(key));

    /// <summary>The scalar text at <paramref name="path"/>, or null.</summary>
    public static string? Text(this YamlNode? node, string path) => (node.At(path) as YamlScalarNode)?.Value;

    /// <summary>The items of the sequence at <paramref name="path"/> (empty when absent).</summary>
    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, string path) =>
        node.At(path) is YamlSequenceNode seq ? seq.Children.ToList() : [];

    /// <summary>The scalar items of the sequence at <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Strings(this YamlNode? node, string path) =>
        node.Items(path).Select(n => ((YamlScalarNode)n).Value ?? "").ToList();

    /// <summary>The entries of the mapping at <paramref name="path"/> as text (empty when absent).</summary>
    public static IReadOnlyDictionary<string, string> Map(this YamlNode? node, string path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!,
                c => (c.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();
}
