namespace Encas.Node;

/// <summary>Where the coordinator keeps its journal and snapshots.</summary>
public enum JournalKind
{
    /// <summary>An SQLite file under the data folder (the embedded default).</summary>
    Sqlite,

    /// <summary>PostgreSQL through <c>--connection-string</c>.</summary>
    Postgres,
}
