namespace Encas.GpuNode;

/// <summary>
/// The dispatcher precompute entities run on: dedicated threads, so that inference (seconds to minutes per model)
/// never holds a thread of the default dispatcher that remoting, heartbeats and sharding need.
/// </summary>
/// <remarks>One thread by default: a GPU runs one model at a time best, and on CPU ONNX Runtime already spreads one
/// session over every core. Further models wait in their entities' mailboxes.</remarks>
public static class PrecomputeDispatcher
{
    /// <summary>The dispatcher id (a top-level configuration path).</summary>
    public const string Name = "encas-precompute-dispatcher";

    /// <summary>The configuration with one dedicated thread.</summary>
    public static string Hocon { get; } = HoconWith(1);

    /// <summary>The configuration with <paramref name="threadCount"/> dedicated threads.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is less than 1.</exception>
    public static string HoconWith(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        return $$"""
            {{Name}} {
              type = ForkJoinDispatcher
              executor = fork-join-executor
              throughput = 1
              dedicated-thread-pool {
                thread-count = {{threadCount}}
                threadtype = background
              }
            }
            """;
    }
}
