namespace Encas.Inference.Building;

/// <summary>A progress report of a pool build.</summary>
/// <param name="Model">Index of the model in pool order.</param>
/// <param name="Models">Number of models.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Split">The split being run.</param>
/// <param name="Done">Samples of the split done.</param>
/// <param name="Total">Samples in the split.</param>
public sealed record BuildProgress(int Model, int Models, string Name, string Split, int Done, int Total);
