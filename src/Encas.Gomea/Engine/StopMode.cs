namespace Encas.Gomea.Engine;

/// <summary>When a run with an evaluation budget stops.</summary>
public enum StopMode
{
    /// <summary>At the end of the population step in which the budget was reached (the original reference).</summary>
    EndOfGeneration,

    /// <summary>At exactly the budget: mixing stops at the evaluation that reaches it (the ENCAS build).</summary>
    Exact,
}
