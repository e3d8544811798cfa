using System.Text.Json;
using Encas.Core.IO;
using Encas.Messages.Serialization;

namespace Encas.Node;

/// <summary>
/// The pool builds a node drives, one JSON file per build under <c>{data}/pool-builds</c>, each written
/// atomically when the build starts and when it ends: a restarted node still answers for the builds that ended and
/// finds the ones it was running when it stopped.
/// </summary>
/// <remarks>One node per data folder: two nodes sharing one would both take up its interrupted builds.</remarks>
public sealed class PoolBuildLedger
{
    /// <summary>A ledger in <paramref name="directory"/> (created on the first write).</summary>
    public PoolBuildLedger(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder holding the entries.</summary>
    public string Directory { get; }

    /// <summary>Writes (or replaces) the entry of build <see cref="PoolBuildStatus.Id"/>.</summary>
    public void Write(PoolBuildEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, EncasJson.Options);
        AtomicFile.WriteAllBytes(PathOf(entry.Status.Id), bytes);
    }

    /// <summary>Every readable entry, oldest first, and a one-line reason for each file that could not be read
    /// (left in place for the operator).</summary>
    public (IReadOnlyList<PoolBuildEntry> Entries, IReadOnlyList<string> Unreadable) ReadAll()
    {
        var entries = new List<PoolBuildEntry>();
        var unreadable = new List<string>();
        if (!System.IO.Directory.Exists(Directory))
        {
            return (entries, unreadable);
        }

        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            try
            {
                var entry = JsonSerializer.Deserialize<PoolBuildEntry>(File.ReadAllBytes(file), EncasJson.Options);
                if (entry?.Status?.Id is null || entry.Request is null)
                {
                    unreadable.Add($"{file}: not a pool build entry");
                    continue;
                }

                entries.Add(entry);
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add($"{file}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return ([.. entries.OrderBy(e => e.Started).ThenBy(e => e.Status.Id, StringComparer.Ordinal)], unreadable);
    }

    private string PathOf(string id) => Path.Combine(Directory, id + ".json");
}
