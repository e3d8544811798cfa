namespace Encas.Core.Search;

/// <summary>
/// The seed of each island of a run: island 0 uses the run seed itself (so one island is exactly the plain
/// engine); island i &gt; 0 uses a SplitMix64 mix of the run seed and i, cut to the 32 bits the generator uses.
/// </summary>
public static class IslandSeeds
{
    /// <summary>The seed of island <paramref name="island"/> of the run seeded <paramref name="runSeed"/>.</summary>
    public static long For(long runSeed, int island)
    {
        if (island == 0)
        {
            return runSeed;
        }

        ulong z = unchecked((ulong)runSeed + ((ulong)island * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (long)(z & 0xFFFF_FFFFUL);
    }
}
