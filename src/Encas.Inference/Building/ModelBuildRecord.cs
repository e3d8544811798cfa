namespace Encas.Inference.Building;

/// <summary>How one model of a built pool was made; written to <c>build.json</c> next to the manifest.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="File">The ONNX file it came from.</param>
/// <param name="Macs">MACs per sample, when known as an integer.</param>
/// <param name="Mflops">MFLOPs stored in the manifest.</param>
/// <param name="ComputeSource"><c>graph</c> or <c>models.json</c>.</param>
/// <param name="Output"><c>probabilities</c> or <c>logits</c> (softmax applied).</param>
/// <param name="OutputSource"><c>first batch</c> when detected, <c>models.json</c> when declared.</param>
/// <param name="Provider">The execution provider that ran it.</param>
/// <param name="ImagesPerSecond">Samples per second over both splits, conversion included.</param>
public sealed record ModelBuildRecord(
    string Name,
    string File,
    long? Macs,
    double Mflops,
    string ComputeSource,
    string Output,
    string OutputSource,
    string Provider,
    double ImagesPerSecond);
