namespace Encas.Inference.Runtime;

/// <summary>Where ONNX Runtime sessions run.</summary>
public enum DeviceChoice
{
    /// <summary>Try the CUDA execution provider, fall back to CPU when it does not load.</summary>
    Auto,

    /// <summary>CUDA only: a provider that does not load is an error.</summary>
    Cuda,

    /// <summary>CPU only; CUDA is never tried.</summary>
    Cpu,
}
