namespace Encas.Core.IO;

/// <summary>
/// Builds a directory under a hidden staging name next to its target and publishes it with one rename,
/// so that a failed or interrupted build leaves nothing at the target path. Disposing an unpublished
/// stage deletes it.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private readonly string _target;
    private bool _published;

    /// <summary>Creates the staging folder for <paramref name="target"/>.</summary>
    /// <param name="target">Where the finished directory will appear.</param>
    /// <param name="replace">Whether an existing target may be replaced; otherwise it is an error.</param>
    public StagedDirectory(string target, bool replace)
    {
        _target = System.IO.Path.GetFullPath(target.TrimEnd('/', System.IO.Path.DirectorySeparatorChar));
        if (!replace && (Directory.Exists(_target) || File.Exists(_target)))
        {
            throw new IOException($"{target}: already exists (remove it first or pass --force)");
        }

        string parent = System.IO.Path.GetDirectoryName(_target) ?? ".";
        Directory.CreateDirectory(parent);
        Path = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(_target)}.{Guid.NewGuid():N}.staging");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The staging folder to write into.</summary>
    public string Path { get; }

    /// <summary>Moves the staging folder to the target, replacing an old target if allowed.</summary>
    public void Publish()
    {
        string? old = null;
        if (Directory.Exists(_target))
        {
            old = _target + $".{Guid.NewGuid():N}.old";
            Directory.Move(_target, old);
        }

        Directory.Move(Path, _target);
        _published = true;
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_published && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
