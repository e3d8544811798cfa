namespace Encas.SearchNode;

/// <summary>An island command that cannot be done; the message is the one-line reason the coordinator gets.</summary>
internal sealed class IslandCommandException : Exception
{
    /// <summary>A failure with reason <paramref name="message"/>.</summary>
    public IslandCommandException(string message, bool retryable, Exception? inner = null)
        : base(message, inner)
    {
        Retryable = retryable;
    }

    /// <summary>False when sending the same command again cannot help (bad pool, bad snapshot, bad command).</summary>
    public bool Retryable { get; }
}
