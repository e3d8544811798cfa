using System.Collections.Concurrent;

namespace Encas.Core.Pools;

/// <summary>
/// The output files this process has already checked (checksum and values) while opening a pool, keyed by full
/// path, length and last write time: opening the same unchanged pool again (a command that opens it for the
/// search, the islands and the report) does not read tens of gigabytes again. A file that is rewritten gets a new
/// write time and is checked again. Thread-safe.
/// </summary>
internal static class CheckedFiles
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written, string Sha256,
        double Tolerance), bool> Checked = new();

    /// <summary>Whether <paramref name="path"/>, as it is now, passed the same checks before.</summary>
    public static bool Passed(string path, string sha256, double tolerance) =>
        Checked.ContainsKey(Key(path, sha256, tolerance));

    /// <summary>Records that <paramref name="path"/>, as it is now, passed the checks.</summary>
    public static void Remember(string path, string sha256, double tolerance) =>
        Checked[Key(path, sha256, tolerance)] = true;

    private static (string, long, DateTime, string, double) Key(string path, string sha256, double tolerance)
    {
        var info = new FileInfo(path);
        return (info.FullName, info.Length, info.LastWriteTimeUtc, sha256, tolerance);
    }
}
