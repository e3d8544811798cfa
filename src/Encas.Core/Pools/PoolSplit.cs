namespace Encas.Core.Pools;

/// <summary>One split of an open pool: labels, the mapped outputs of every model, and their MFLOPs.</summary>
public sealed class PoolSplit
{
    internal PoolSplit(string name, int classes, int[] labels, IReadOnlyList<MappedHalfMatrix> outputs,
        double[] mflops)
    {
        Name = name;
        Classes = classes;
        Labels = labels;
        Outputs = outputs;
        Mflops = mflops;
    }

    /// <summary>The split's name (<see cref="PoolSplits"/>).</summary>
    public string Name { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of samples.</summary>
    public int Samples => Labels.Length;

    /// <summary>Number of pool models.</summary>
    public int Models => Outputs.Count;

    /// <summary>Class label per sample.</summary>
    public IReadOnlyList<int> LabelList => Labels;

    /// <summary>Outputs of pool model <c>i</c> (genome gene value <c>i + 1</c>).</summary>
    public IReadOnlyList<MappedHalfMatrix> Outputs { get; }

    internal int[] Labels { get; }

    internal double[] Mflops { get; }

    /// <summary>MFLOPs per sample of pool model <paramref name="model"/> on this split.</summary>
    public double ModelMflops(int model) => Mflops[model];
}
