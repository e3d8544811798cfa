namespace Encas.SearchNode;

/// <summary>
/// The dispatcher island entities run on: a fork-join dispatcher over its own dedicated threads, so that an epoch
/// (seconds to minutes of CPU) never holds a thread of the default dispatcher that remoting, cluster heartbeats
/// and sharding need.
/// </summary>
/// <remarks>
/// Add <see cref="Hocon"/> to the search node's configuration; <see cref="IslandEntity.Props(IslandPools)"/>
/// refers to the dispatcher by <see cref="Name"/>. Throughput is 1: every island message is a whole epoch, so
/// the thread goes back to the pool after each one and islands take turns fairly.
/// </remarks>
public static class IslandDispatcher
{
    /// <summary>The dispatcher id (a top-level configuration path).</summary>
    public const string Name = "encas-island-dispatcher";

    /// <summary>The configuration with one thread per core (<see cref="Environment.ProcessorCount"/>).</summary>
    public static string Hocon { get; } = HoconWith(Environment.ProcessorCount);

    /// <summary>The dispatcher's configuration with <paramref name="threadCount"/> dedicated threads.</summary>
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
