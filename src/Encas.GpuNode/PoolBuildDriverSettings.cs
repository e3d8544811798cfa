namespace Encas.GpuNode;

/// <summary>Timing of a <see cref="PoolBuildDriver"/>.</summary>
public sealed record PoolBuildDriverSettings
{
    /// <summary>How long a model may go without a reply or progress before its command is sent again: 30 s.
    /// </summary>
    /// <remarks>Models queued behind others on a busy node report nothing; their repeats are answered from the
    /// finished result, so a short value costs little.</remarks>
    public TimeSpan ResendAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the driver looks for models due for a re-send: 1 s.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);
}
