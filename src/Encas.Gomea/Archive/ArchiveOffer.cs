namespace Encas.Gomea.Archive;

/// <summary>The outcome of offering a solution to the archive with the replacement rule.</summary>
/// <param name="IsNewNondominated">The solution was appended as a new non-dominated point.</param>
/// <param name="IsDominated">Some archive member constraint-dominates the solution.</param>
public readonly record struct ArchiveOffer(bool IsNewNondominated, bool IsDominated);
