using YamlDotNet.RepresentationModel;

namespace Encas.Deploy.Tests.Support;

/// <summary>One Kubernetes object of a manifest file (a whole object or a kustomize patch).</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Root">The document's root node.</param>
public sealed record Manifest(string File, YamlNode Root)
{
    /// <summary>apiVersion/kind, e.g. apps/v1 StatefulSet.</summary>
    public string Kind => Root.Text("kind") ?? "";

    /// <summary>metadata.name.</summary>
    public string Name => Root.Text("metadata.name") ?? "";

    /// <summary>Whether this is a kustomization file rather than an object.</summary>
    public bool IsKustomization => Kind == "Kustomization";

    /// <summary>The pod spec of a workload (Deployment, StatefulSet, Job, Pod), or null.</summary>
    public YamlNode? PodSpec => Kind switch
    {
        "Deployment" or "StatefulSet" or "Job" or "DaemonSet" or "ReplicaSet" => Root.At("spec.template.spec"),
        "Pod" => Root.At("spec"),
        _ => null,
    };

    /// <summary>The pod template's labels of a workload.</summary>
    public IReadOnlyDictionary<string, string> PodLabels => Root.Map("spec.template.metadata.labels");

    /// <summary>Containers and init containers of a workload.</summary>
    public IReadOnlyList<Container> Containers =>
        PodSpec.Items("containers").Select(c => new Container(this, c, false))
            .Concat(PodSpec.Items("initContainers").Select(c => new Container(this, c, true)))
            .ToList();

    /// <inheritdoc />
    public override string ToString() => $"{File}: {Kind} {Name}";
}
