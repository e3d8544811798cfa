namespace Encas.Gomea.Tests;

/// <summary>Locates <c>../shared/data/mogomea</c> next to the repository root; tests skip when it is absent.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string Require(params string[] parts)
    {
        string? root = Root.Value;
        Assert.SkipWhen(root is null, "shared data folder ../shared/data/mogomea (next to the repo) is not present");
        string path = Path.Combine([root!, .. parts]);
        Assert.SkipWhen(!File.Exists(path) && !Directory.Exists(path), $"shared data file {path} is not present");
        return path;
    }

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Encas.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        string data = Path.Combine(dir.Parent.FullName, "shared", "data", "mogomea");
        return Directory.Exists(data) ? data : null;
    }
}
