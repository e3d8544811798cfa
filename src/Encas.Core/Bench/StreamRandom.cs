namespace Encas.Core.Bench;

/// <summary>
/// A small counter-based random stream (SplitMix64): seeded from a tuple of integers, so that any row of a
/// synthetic pool can be regenerated on its own, in any order and on any thread, with the same values.
/// </summary>
internal struct StreamRandom
{
    private ulong _state;

    /// <summary>Starts the stream identified by <paramref name="seed"/> and three coordinates.</summary>
    public StreamRandom(long seed, long a, long b, long c)
    {
        _state = Mix((ulong)seed ^ 0x6A09E667F3BCC909UL);
        _state = Mix(_state ^ (ulong)a);
        _state = Mix(_state ^ (ulong)b);
        _state = Mix(_state ^ (ulong)c);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => (int)((NextBits() >> 33) * (ulong)bound >> 31);

    /// <summary>A standard normal deviate (Box–Muller; one of the pair is discarded for simplicity).</summary>
    public double NextGaussian()
    {
        double u = 1.0 - NextDouble();
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
