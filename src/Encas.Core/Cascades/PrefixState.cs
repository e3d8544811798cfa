namespace Encas.Core.Cascades;

/// <summary>
/// What a cascade prefix leaves behind, enough to continue it exactly: the samples that ran its last model,
/// their exact scaled sums, and the maximum and first argmax of each sum (so the next exit test and the error
/// of an exiting sample cost one comparison), plus the errors of samples that already left and the reach count
/// of each stage so far.
/// </summary>
internal sealed class PrefixState
{
    public PrefixState(int[] active, int[] sums, int[] max, int[] arg, int count, int classes)
    {
        Active = active;
        Sums = sums;
        Max = max;
        Arg = arg;
        Count = count;
        Classes = classes;
    }

    /// <summary>Sample indices still in the cascade, ascending (first <see cref="Count"/> entries).</summary>
    public int[] Active { get; }

    /// <summary>Scaled sums, <see cref="Classes"/> per active sample, in the order of <see cref="Active"/>.</summary>
    public int[] Sums { get; }

    /// <summary>Largest entry of each active sample's sum.</summary>
    public int[] Max { get; }

    /// <summary>First index of that largest entry.</summary>
    public int[] Arg { get; }

    /// <summary>Number of active samples.</summary>
    public int Count { get; set; }

    /// <summary>Classes per sum.</summary>
    public int Classes { get; }

    /// <summary>Errors among the samples that exited before or at this prefix's end.</summary>
    public int Wrong { get; set; }

    /// <summary>Samples that ran each stage of the prefix (stage 0: all).</summary>
    public int[] Reach { get; } = new int[GenomeLayout.MaxModels];

    /// <summary>Memory held, for the cache budget.</summary>
    public long Bytes => 64 + ((long)Count * ((Classes + 3) * sizeof(int))) + (GenomeLayout.MaxModels * 4);

    /// <summary>A copy holding exactly <see cref="Count"/> samples, for the cache.</summary>
    public PrefixState Compact()
    {
        var copy = new PrefixState(Active[..Count], Sums[..(Count * Classes)], Max[..Count], Arg[..Count], Count,
            Classes) { Wrong = Wrong };
        Reach.CopyTo(copy.Reach, 0);
        return copy;
    }
}
