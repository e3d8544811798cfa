using Encas.Core.Tests.Support;

namespace Encas.Deploy.Tests.Support;

/// <summary>The deployment files of the checkout: k8s/ manifests and docker/ Dockerfiles.</summary>
public static class DeployFiles
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = RepoPaths.Root();

    /// <summary>Every YAML file under k8s/, relative to the root.</summary>
    public static IReadOnlyList<string> YamlFiles { get; } = Directory
        .EnumerateFiles(Path.Combine(Root, "k8s"), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Root, f))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every object in every manifest (kustomizations included).</summary>
    public static IReadOnlyList<Manifest> Manifests => YamlFiles
        .SelectMany(f => Yaml.Documents(File.ReadAllText(Path.Combine(Root, f))).Select(d => new Manifest(f, d)))
        .ToList();

    /// <summary>Every container of every workload (and of every workload patch).</summary>
    public static IReadOnlyList<Container> Containers => Manifests.SelectMany(m => m.Containers).ToList();

    /// <summary>Every Dockerfile under docker/.</summary>
    public static IReadOnlyList<Dockerfile> Dockerfiles => Directory
        .EnumerateFiles(Path.Combine(Root, "docker"), "*Dockerfile*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".dockerignore", StringComparison.Ordinal)
            && !f.EndsWith(".md", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(f => Dockerfile.Load(f, Path.GetRelativePath(Root, f)))
        .ToList();

    /// <summary>Every image the Dockerfiles declare, with the file that builds it.</summary>
    public static IReadOnlyList<(Dockerfile File, DeclaredImage Image)> DeclaredImages =>
        Dockerfiles.SelectMany(d => d.Images.Select(i => (d, i))).ToList();

    /// <summary>The CMD of the image <paramref name="image"/> builds (its declared target stage).</summary>
    public static IReadOnlyList<string> ImageCmd(string image)
    {
        string wanted = ImageName.Repository(image).Split('/')[^1] + ":" + ImageName.Tag(image);
        var (file, declared) = DeclaredImages.FirstOrDefault(d => d.Image.Image == wanted);
        Assert.True(file is not null, $"no Dockerfile under docker/ declares {wanted}");
        var stage = file.Stage(declared.Target);
        Assert.True(stage is not null, $"{file.File}: no stage {declared.Target}");
        return file.Command(stage).Cmd;
    }
}
