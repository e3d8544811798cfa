namespace Encas.Inference.Building;

/// <summary>A model that could not be added to the pool, and why.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Reason">One line: what went wrong, naming the file.</param>
public sealed record ModelFailure(string Name, string Reason);
