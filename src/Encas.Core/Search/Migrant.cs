namespace Encas.Core.Search;

/// <summary>An elite sent from one island to its ring neighbour: its genes and its (maximised) objectives.</summary>
/// <param name="Genes">The genome.</param>
/// <param name="Objectives">The objectives as the engine holds them: (−error %, −MFLOPs).</param>
public sealed record Migrant(int[] Genes, double[] Objectives);
