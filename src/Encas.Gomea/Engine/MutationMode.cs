namespace Encas.Gomea.Engine;

/// <summary>
/// The optional mutation applied after every donor copy (off in the reference's default and in ENCAS).
/// </summary>
public enum MutationMode
{
    /// <summary>No mutation (default).</summary>
    None,

    /// <summary>Flip every copied gene with probability 1/l (reference option <c>-m</c>).</summary>
    Weak,

    /// <summary>
    /// Flip every copied gene with probability 1/|F| for the copied set F (reference option <c>-M</c>).
    /// </summary>
    Strong,
}
