using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>A cascade with its scores on both splits: one line of a front.</summary>
/// <param name="Genome">The 9 genes.</param>
/// <param name="Val">Scores on the validation (search) split.</param>
/// <param name="Test">Scores on the test split.</param>
public sealed record CascadePoint(int[] Genome, CascadeScore Val, CascadeScore Test);
