namespace Encas.Core.Sparse;

/// <summary>
/// What the sum of one ordered tuple of models' rows tells about each sample, whatever the thresholds: the lowest
/// threshold gene at which the sample stays for a further model (its exact maximum against the stay limits with
/// as many models used as the tuple holds) and whether the sum's argmax is wrong. Entries are filled lazily, only
/// for samples some cascade has needed; <see cref="Known"/> marks them.
/// </summary>
internal sealed class ModelPrefixTable
{
    /// <summary>Creates an empty table for <paramref name="words"/> × 64 samples.</summary>
    public ModelPrefixTable(int words)
    {
        Gene = new byte[words * 64];
        Wrong = new ulong[words];
        Known = new ulong[words];
    }

    /// <summary>Lowest staying gene per sample (padding entries hold 255: never stays).</summary>
    public byte[] Gene { get; }

    /// <summary>Bit i: the argmax of sample i's sum is not its label.</summary>
    public ulong[] Wrong { get; }

    /// <summary>Bit i: sample i's entry has been computed.</summary>
    public ulong[] Known { get; }

    /// <summary>Memory held, for the cache budget.</summary>
    public long Bytes => 64 + Gene.Length + (16L * Wrong.Length);

    /// <summary>Forgets every entry, for reuse under another key.</summary>
    public void Clear()
    {
        Array.Fill(Gene, byte.MaxValue);
        Array.Clear(Wrong);
        Array.Clear(Known);
    }
}
