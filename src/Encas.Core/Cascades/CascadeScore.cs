namespace Encas.Core.Cascades;

/// <summary>A cascade's two objectives on one split, both minimised.</summary>
/// <param name="ErrorPercent">Top-1 error in %.</param>
/// <param name="Mflops">Expected MFLOPs per sample.</param>
public readonly record struct CascadeScore(double ErrorPercent, double Mflops)
{
    /// <summary>The score of a genome that runs no model: 100 % error at 100,000 MFLOPs.</summary>
    public static CascadeScore Penalty { get; } = new(100, 100_000);
}
