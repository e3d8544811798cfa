namespace Encas.Core.Sparse;

/// <summary>
/// What the sum of one ordered tuple of models' rows tells about each sample, whatever the thresholds: the lowest
/// threshold gene at which the sample stays for a further model (its exact maximum against the stay limits with
/// as many models used as the tuple holds) and whether the sum's argmax is wrong. Entries are filled lazily, only
/// for samples some cascade has needed; <see cref="Known"/> marks them.
/// </summary>
internal sealed class ModelPrefixTable
{
    /// <summary>Creates an empty table for <paramref name="words"/> × 64 samples: nothing known; the gene and
    /// wrong entries of unknown samples are undefined (see <see cref="Forget"/>).</summary>
    /// <remarks>A long search holds tens of thousands of tables. On the pinned heap they are never copied by the
    /// collector's compaction, and the gene bytes skip the zeroing every ordinary allocation pays.</remarks>
    public ModelPrefixTable(int words)
    {
        Gene = GC.AllocateUninitializedArray<byte>(words * 64, pinned: true);
        Wrong = GC.AllocateArray<ulong>(words, pinned: true);
        Known = GC.AllocateArray<ulong>(words, pinned: true);
    }

    /// <summary>Lowest staying gene per sample; meaningful where <see cref="Known"/> is set (after
    /// <see cref="Reset"/>, 255 = never stays everywhere else).</summary>
    public byte[] Gene { get; }

    /// <summary>Bit i: the argmax of sample i's sum is not its label.</summary>
    public ulong[] Wrong { get; }

    /// <summary>Bit i: sample i's entry has been computed.</summary>
    public ulong[] Known { get; }

    /// <summary>Memory held, for the cache budget.</summary>
    public long Bytes => 64 + Gene.Length + (16L * Wrong.Length);

    /// <summary>Forgets every entry, for reuse under another key. Only <see cref="Known"/> is cleared: readers
    /// mask every gene and wrong bit with samples the table knows, and a fill overwrites both for the samples it
    /// computes.</summary>
    public void Forget() => Array.Clear(Known);

    /// <summary>Forgets every entry and sets every gene to 255 (never stays) and every wrong bit to 0, for a table
    /// whose padding entries are read unmasked.</summary>
    public void Reset()
    {
        Array.Fill(Gene, byte.MaxValue);
        Array.Clear(Wrong);
        Array.Clear(Known);
    }
}
