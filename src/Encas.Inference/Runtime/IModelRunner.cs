using Encas.Inference.Data;

namespace Encas.Inference.Runtime;

/// <summary>Runs one model over dataset splits and returns its outputs as half-precision probabilities.</summary>
/// <remarks>The output kind (probabilities or logits) is decided once per runner, from the first batch it runs,
/// unless declared, and then applies to every split.</remarks>
public interface IModelRunner : IDisposable
{
    /// <summary>The execution provider the model runs on.</summary>
    string Provider { get; }

    /// <summary>Runs the model over every sample of <paramref name="split"/>.</summary>
    /// <param name="split">The inputs.</param>
    /// <param name="progress">Receives the number of samples done after each batch; may be null.</param>
    /// <param name="cancellation">Checked between batches.</param>
    /// <exception cref="InvalidDataException">The inputs do not fit the model, or its output is not
    /// (samples, classes) floats; the message names the model file.</exception>
    /// <exception cref="OperationCanceledException">Cancelled between two batches.</exception>
    ModelOutputs Run(DatasetSplit split, Action<int>? progress, CancellationToken cancellation);
}
