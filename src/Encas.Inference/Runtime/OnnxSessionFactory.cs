using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Encas.Inference.Runtime;

/// <summary>
/// Opens ONNX Runtime sessions on the chosen device. With <see cref="DeviceChoice.Auto"/> the CUDA execution
/// provider is tried first; when it does not load (no CUDA 13 / cuDNN 9 libraries, no GPU) the factory logs the
/// reason once, remembers it, and opens every later session on CPU without trying CUDA again.
/// </summary>
/// <remarks>Thread-safe. One factory per process (per node) keeps the fallback warning to one line.</remarks>
public sealed class OnnxSessionFactory
{
    /// <summary>Name of the CUDA execution provider as ONNX Runtime reports it.</summary>
    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Name of the CPU execution provider as ONNX Runtime reports it.</summary>
    public const string CpuProvider = "CPUExecutionProvider";

    private readonly DeviceChoice _device;
    private readonly int _deviceId;
    private readonly int _threads;
    private readonly ILogger _logger;
    private int _cudaFailed;

    /// <summary>Creates a factory.</summary>
    /// <param name="device">Where sessions run.</param>
    /// <param name="logger">Receives the one CUDA fallback warning; null logs nothing.</param>
    /// <param name="deviceId">The CUDA device index.</param>
    /// <param name="threads">CPU threads per session (intra-op); 0 lets ONNX Runtime choose.</param>
    public OnnxSessionFactory(DeviceChoice device, ILogger? logger = null, int deviceId = 0, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _device = device;
        _deviceId = deviceId;
        _threads = threads;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Opens a session for the model in <paramref name="modelPath"/>.</summary>
    /// <returns>The session and the execution provider it runs on.</returns>
    /// <exception cref="InvalidDataException">ONNX Runtime cannot load the model; the message names the file.
    /// </exception>
    /// <exception cref="NotSupportedException">The device is <see cref="DeviceChoice.Cuda"/> and the CUDA provider
    /// does not load.</exception>
    public (InferenceSession Session, string Provider) Open(string modelPath)
    {
        using var options = NewOptions();
        string provider = CpuProvider;
        bool tryCuda = _device == DeviceChoice.Cuda
            || (_device == DeviceChoice.Auto && Volatile.Read(ref _cudaFailed) == 0);
        if (tryCuda)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(_deviceId);
                provider = CudaProvider;
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException)
            {
                if (_device == DeviceChoice.Cuda)
                {
                    throw new NotSupportedException(
                        $"the CUDA execution provider did not load ({OneLine(ex.Message)}); a GPU node needs CUDA 13 "
                        + "and cuDNN 9, or use --device cpu", ex);
                }

                if (Interlocked.Exchange(ref _cudaFailed, 1) == 0)
                {
                    _logger.LogWarning("CUDA execution provider did not load ({Reason}); running on CPU",
                        OneLine(ex.Message));
                }
            }
        }

        // A failed Append can leave the options half-configured, so CPU sessions always get fresh ones.
        using var cpuOptions = provider == CpuProvider && tryCuda ? NewOptions() : null;
        try
        {
            return (new InferenceSession(modelPath, cpuOptions ?? options), provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException(
                $"{modelPath}: ONNX Runtime cannot load the model ({OneLine(ex.Message)})", ex);
        }
    }

    private SessionOptions NewOptions()
    {
        var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        if (_threads > 0)
        {
            options.IntraOpNumThreads = _threads;
        }

        return options;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
