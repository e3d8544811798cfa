namespace Encas.Core.Pools;

/// <summary>A file of the pool: its path relative to the pool folder, its length and its SHA-256.</summary>
/// <param name="Path">Relative path, forward slashes.</param>
/// <param name="Bytes">Exact length in bytes.</param>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the whole file.</param>
public sealed record StoredFile(string Path, long Bytes, string Sha256);
