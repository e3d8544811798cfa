namespace Encas.Inference.Runtime;

/// <summary>The stored outputs of one model on one split.</summary>
/// <param name="Values">Softmax probabilities as half, row-major, <paramref name="Rows"/> ×
/// <paramref name="Classes"/>.</param>
/// <param name="Rows">Samples.</param>
/// <param name="Classes">Classes (columns).</param>
/// <param name="Kind">What the model's raw output was.</param>
/// <param name="Detected">True when <paramref name="Kind"/> was decided from the first batch, false when it was
/// declared.</param>
/// <param name="Provider">The ONNX Runtime execution provider that ran the model.</param>
/// <param name="Elapsed">Wall time of the inference, batching and conversion included.</param>
public sealed record ModelOutputs(
    Half[] Values,
    int Rows,
    int Classes,
    OutputKind Kind,
    bool Detected,
    string Provider,
    TimeSpan Elapsed);
