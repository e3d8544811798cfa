namespace Encas.Core.Cascades;

/// <summary>
/// The canonical form of a genome: the pool models it really runs, in order, and the threshold gene before
/// each model after the first. No-ops and their thresholds are dropped, the first model's threshold is dead,
/// and the cascade is cut before a stage whose threshold gene is 0 (every sample exits there: stored rows sum
/// to about 1, so their largest entry is above 0). Equal phenotypes score equally; <see cref="Key"/> packs
/// one into 108 bits for caching.
/// </summary>
public readonly record struct Phenotype
{
    private const int ModelBits = 16;
    private const int GeneBits = 6;
    private const int GeneOffset = ModelBits * GenomeLayout.MaxModels;
    private const int LengthOffset = GeneOffset + (GeneBits * (GenomeLayout.MaxModels - 1));

    private Phenotype(UInt128 key) => Key = key;

    /// <summary>The packed phenotype: models, thresholds and length.</summary>
    public UInt128 Key { get; }

    /// <summary>Number of models the cascade runs (0 for an all-no-op genome).</summary>
    public int Length => (int)(Key >> LengthOffset) & 0xF;

    /// <summary>Pool index (0-based) of the model at stage <paramref name="stage"/>.</summary>
    public int Model(int stage) => (int)(Key >> (ModelBits * stage)) & 0xFFFF;

    /// <summary>Threshold gene checked before stage <paramref name="stage"/> (1 ≤ stage &lt; Length).</summary>
    public int ThresholdGene(int stage) => (int)(Key >> (GeneOffset + (GeneBits * (stage - 1)))) & 0x3F;

    /// <summary>The key of the cascade made of the first <paramref name="length"/> stages of this one.</summary>
    internal UInt128 PrefixKey(int length)
    {
        UInt128 models = (UInt128.One << (ModelBits * length)) - 1;
        UInt128 genes = ((UInt128.One << (GeneBits * Math.Max(0, length - 1))) - 1) << GeneOffset;
        return (Key & (models | genes)) | ((UInt128)(uint)length << LengthOffset);
    }

    /// <summary>Canonicalises a genome that has already been validated.</summary>
    public static Phenotype FromGenome(ReadOnlySpan<int> genome)
    {
        UInt128 key = 0;
        int length = 0;
        for (int position = 0; position < GenomeLayout.MaxModels; position++)
        {
            int gene = genome[position];
            if (gene == 0)
            {
                continue;
            }

            if (length > 0)
            {
                int threshold = genome[GenomeLayout.MaxModels + position - 1];
                if (threshold == 0)
                {
                    break;
                }

                key |= (UInt128)(uint)threshold << (GeneOffset + (GeneBits * (length - 1)));
            }

            key |= (UInt128)(uint)(gene - 1) << (ModelBits * length);
            length++;
        }

        return new Phenotype(key | ((UInt128)(uint)length << LengthOffset));
    }

    /// <summary>A readable form, e.g. <c>[3 &gt;0.90 7]</c>, for logs and tests.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        for (int s = 0; s < Length; s++)
        {
            if (s > 0)
            {
                parts.Add(">" + (ThresholdGene(s) / (double)GenomeLayout.ThresholdLevels).ToString("F2",
                    System.Globalization.CultureInfo.InvariantCulture));
            }

            parts.Add(Model(s).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "[" + string.Join(' ', parts) + "]";
    }
}
