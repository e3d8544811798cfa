using Encas.Core.Pools;
using Encas.Core.Tests.Support;
using Encas.Inference.Building;
using Encas.Inference.Runtime;

namespace Encas.GpuNode.Tests.Support;

/// <summary>A few models of the shipped Fashion-MNIST sample and the in-process build they give.</summary>
public static class SamplePool
{
    /// <summary>The sample's image folder (gzip'd IDX).</summary>
    public static string Data => Path.Combine(RepoPaths.Root(), "samples", "fashion-mnist", "data");

    /// <summary>Copies the named sample models into <paramref name="folder"/>.</summary>
    public static string CopyModels(string folder, params string[] names)
    {
        Directory.CreateDirectory(folder);
        foreach (string name in names)
        {
            File.Copy(Path.Combine(RepoPaths.Root(), "samples", "fashion-mnist", "models", name + ".onnx"),
                Path.Combine(folder, name + ".onnx"));
        }

        return folder;
    }

    /// <summary>Builds <paramref name="options"/> with the in-process <see cref="PoolBuilder"/> into
    /// <paramref name="output"/> and returns its pool.json.</summary>
    public static string Reference(PoolBuildOptions options, string output)
    {
        new PoolBuilder(new OnnxSessionFactory(DeviceChoice.Cpu)).Build(options with { Output = output });
        return File.ReadAllText(Path.Combine(output, PoolManifest.FileName));
    }

    /// <summary>Every file under <paramref name="folder"/> whose name marks it as temporary or staging.</summary>
    public static IReadOnlyList<string> Leftovers(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".tmp", StringComparison.Ordinal)
                || p.Contains(".staging", StringComparison.Ordinal))];
}
