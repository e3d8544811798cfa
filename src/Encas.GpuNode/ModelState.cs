namespace Encas.GpuNode;

/// <summary>The state of one model of a sharded pool build.</summary>
public enum ModelState
{
    /// <summary>Sent (or to be re-sent); no node has reported progress on this attempt yet.</summary>
    Pending,

    /// <summary>A node reported progress.</summary>
    Running,

    /// <summary>Both output files are written and checksummed.</summary>
    Done,

    /// <summary>Failed for good: not retryable, or out of attempts.</summary>
    Failed,
}
