using System.Globalization;
using System.Security.Cryptography;
using Encas.Core.IO;
using Encas.Messages;

namespace Encas.SearchNode;

/// <summary>Where island snapshot files live, and how they are written and checked.</summary>
internal static class IslandSnapshots
{
    /// <summary>
    /// The snapshot file that ends <paramref name="epoch"/> of <paramref name="island"/>:
    /// <c>{WorkDir}/run-{Run:00}/island-{Island:00}/epoch-{Epoch:00000}.snap</c>.
    /// </summary>
    public static string PathOf(IslandSpec spec, IslandAddress island, long epoch) => Path.Combine(spec.WorkDir,
        string.Create(CultureInfo.InvariantCulture, $"run-{island.Run:00}"),
        string.Create(CultureInfo.InvariantCulture, $"island-{island.Island:00}"),
        string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:00000}.snap"));

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes <paramref name="bytes"/> atomically to <paramref name="path"/>; returns its reference.</summary>
    public static SnapshotRef Write(string path, byte[] bytes, long epoch)
    {
        AtomicFile.WriteAllBytes(path, bytes);
        return new SnapshotRef(path, Sha256(bytes), epoch);
    }

    /// <summary>The bytes of <paramref name="snapshot"/>, checked against its SHA-256.</summary>
    /// <exception cref="IslandCommandException">The file is unreadable or its bytes do not match.</exception>
    public static byte[] Read(SnapshotRef snapshot)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(snapshot.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException)
        {
            throw new IslandCommandException($"snapshot {snapshot.Path}: unreadable ({OneLine(ex.Message)})",
                retryable: false, ex);
        }

        string actual = Sha256(bytes);
        if (!string.Equals(actual, snapshot.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new IslandCommandException(
                $"snapshot {snapshot.Path}: SHA-256 {actual} does not match the expected {snapshot.Sha256}",
                retryable: false);
        }

        return bytes;
    }

    /// <summary><paramref name="text"/> with line breaks turned into spaces, for one-line reasons.</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
