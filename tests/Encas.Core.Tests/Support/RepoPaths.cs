using Encas.Core.Pools;

namespace Encas.Core.Tests.Support;

/// <summary>Finds the repository root (the folder holding Encas.sln) and what lives there.</summary>
public static class RepoPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Encas.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Encas.sln not found above the test binaries");
    }

    /// <summary>The shipped Fashion-MNIST pool in the ENCAS layout, or null when absent.</summary>
    public static string? SamplePool()
    {
        string path = Path.Combine(Root(), "samples", "fashion-mnist");
        return File.Exists(Path.Combine(path, "output_distrs_val", "info.json")) ? path : null;
    }

    /// <summary>Imports the shipped sample pool into <paramref name="target"/> and returns that path.</summary>
    /// <exception cref="InvalidOperationException">The sample pool is missing from the checkout.</exception>
    public static string ImportSamplePool(string target)
    {
        string sample = SamplePool()
            ?? throw new InvalidOperationException("samples/fashion-mnist is missing from the checkout");
        PoolImporter.Import(new PoolImportOptions(sample, target));
        return target;
    }
}
