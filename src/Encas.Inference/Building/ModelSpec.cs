using Encas.Inference.Runtime;

namespace Encas.Inference.Building;

/// <summary>One model of a pool to build: its file, its compute and what its output is said to be.</summary>
/// <param name="Name">File name without <c>.onnx</c>.</param>
/// <param name="Path">The <c>.onnx</c> file.</param>
/// <param name="Mflops">MACs per sample / 1e6 (the ENCAS convention calls MACs "FLOPs").</param>
/// <param name="Macs">MACs per sample, when known as an integer (counted, or given in models.json).</param>
/// <param name="ComputeSource"><c>graph</c> when counted from the ONNX graph, <c>models.json</c> when given.
/// </param>
/// <param name="DeclaredOutput">The output kind models.json states, or null to detect it.</param>
public sealed record ModelSpec(
    string Name,
    string Path,
    double Mflops,
    long? Macs,
    string ComputeSource,
    OutputKind? DeclaredOutput);
