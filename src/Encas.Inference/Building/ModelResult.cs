using Encas.Core.Pools;

namespace Encas.Inference.Building;

/// <summary>One precomputed model: its manifest entry, how it was run, and its class count.</summary>
/// <param name="Entry">The manifest entry (files, accuracy, MFLOPs per split).</param>
/// <param name="Record">How the model was run (provider, output decision, throughput).</param>
/// <param name="Classes">Columns of its output files.</param>
public sealed record ModelResult(ModelEntry Entry, ModelBuildRecord Record, int Classes);
