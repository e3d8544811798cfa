namespace Encas.Gomea.Random;

/// <summary>The 48-bit linear congruential generator of the reference MO-GOMEA, with its uniform draws.</summary>
/// <remarks>
/// State update <c>s ← (s · 0x5DEECE66D + 0xB) mod 2^48</c> (the <c>java.util.Random</c> constants, but the seed is
/// used as is, without scrambling). A uniform double takes the top 26 bits of one state and the top 27 bits of the
/// next and divides the 53-bit integer by 2^53. Every operation here is the reference's, in the reference's order, so
/// a run with the same seed draws exactly the same numbers. Not thread safe: one generator per engine.
/// </remarks>
public sealed class Lcg48
{
    private const ulong Multiplier = 0x5DEECE66DUL;
    private const ulong Increment = 0xBUL;
    private const ulong Mask = (1UL << 48) - 1;

    private ulong _state;

    /// <summary>Creates a generator from a seed.</summary>
    /// <param name="seed">
    /// The run's seed. The reference reads it with <c>%d</c> into the low 32 bits of a zeroed 64-bit variable, so
    /// only those bits count: a negative seed becomes its 32-bit two's complement pattern.
    /// </param>
    public Lcg48(long seed)
    {
        _state = (uint)seed;
    }

    private Lcg48(ulong state, bool raw)
    {
        _ = raw;
        _state = state & Mask;
    }

    /// <summary>
    /// The current 48-bit state; together with <see cref="FromState"/> it saves and restores the stream.
    /// </summary>
    public ulong State => _state;

    /// <summary>Recreates a generator positioned exactly where one with the given <see cref="State"/> was.</summary>
    /// <param name="state">A value previously read from <see cref="State"/>.</param>
    /// <returns>A generator whose next draws equal those of the saved one.</returns>
    public static Lcg48 FromState(ulong state) => new(state, raw: true);

    /// <summary>Draws a double uniformly from [0, 1) with 53 bits of resolution (two state advances).</summary>
    /// <returns>The next uniform value.</returns>
    public double NextDouble()
    {
        _state = (_state * Multiplier + Increment) & Mask;
        long high = (long)(_state >> 22);
        _state = (_state * Multiplier + Increment) & Mask;
        long low = (long)(_state >> 21);
        return ((high << 27) + low) / (double)(1UL << 53);
    }

    /// <summary>Draws an integer in [0, <paramref name="maximum"/>) as <c>(int)(maximum · U)</c>, truncating.</summary>
    /// <param name="maximum">Exclusive upper bound; the reference never checks it, so 0 returns 0.</param>
    /// <returns>The drawn integer.</returns>
    public int NextInt(int maximum) => (int)(maximum * NextDouble());

    /// <summary>
    /// Fills <paramref name="order"/> with a random permutation of 0…n−1 built as the reference builds it: start
    /// from the identity and apply n random transpositions, each from two draws (so always 2n draws).
    /// </summary>
    /// <param name="order">The span to fill; its length is n.</param>
    public void FillRandomOrdering(Span<int> order)
    {
        int n = order.Length;
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (int i = 0; i < n; i++)
        {
            int a = NextInt(n);
            int b = NextInt(n);
            (order[a], order[b]) = (order[b], order[a]);
        }
    }

    /// <summary>Returns a new random permutation of 0…n−1 (see <see cref="FillRandomOrdering"/>).</summary>
    /// <param name="n">The number of elements.</param>
    /// <returns>The permutation.</returns>
    public int[] RandomOrdering(int n)
    {
        var order = new int[n];
        FillRandomOrdering(order);
        return order;
    }
}
