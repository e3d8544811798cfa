using System.Diagnostics;
using Encas.Inference.Data;
using Microsoft.ML.OnnxRuntime;

namespace Encas.Inference.Runtime;

/// <summary>
/// An <see cref="IModelRunner"/> over one ONNX Runtime session: feeds float32 batches to the model's first input,
/// reads its first output, checks that it is (batch, classes), and converts it to half probabilities.
/// </summary>
/// <remarks>A model whose batch axis is fixed to <c>B</c> runs in batches of exactly <c>B</c>, the last one padded
/// with zeros whose outputs are dropped. Not thread-safe: one runner serves one caller.</remarks>
public sealed class OnnxModelRunner : IModelRunner
{
    private readonly InferenceSession _session;
    private readonly string _file;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly int[] _inputDims;
    private readonly int _batchSize;
    private OutputKind? _kind;
    private bool _detected;

    /// <summary>Opens the model.</summary>
    /// <param name="modelPath">The <c>.onnx</c> file.</param>
    /// <param name="sessions">Opens the session on the chosen device.</param>
    /// <param name="batchSize">Samples per batch (when the model's batch axis is not fixed).</param>
    /// <param name="declared">The output kind stated in <c>models.json</c>; null decides from the first batch.
    /// </param>
    /// <exception cref="InvalidDataException">The model cannot be loaded, or its first input is not float32 or
    /// its first output not a float32 tensor.</exception>
    public OnnxModelRunner(string modelPath, OnnxSessionFactory sessions, int batchSize, OutputKind? declared)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _file = modelPath;
        _kind = declared;
        (_session, Provider) = sessions.Open(modelPath);
        try
        {
            var (inputName, input) = _session.InputMetadata.First();
            if (!input.IsTensor || input.ElementType != typeof(float))
            {
                throw new InvalidDataException(
                    $"{modelPath}: input '{inputName}' takes {input.ElementType.Name} {Dims(input.Dimensions)}; "
                    + "the data are fed as float32");
            }

            var (outputName, output) = _session.OutputMetadata.First();
            if (!output.IsTensor || output.ElementType != typeof(float))
            {
                throw new InvalidDataException(
                    $"{modelPath}: output '{outputName}' is {output.ElementType.Name}, not a float32 tensor");
            }

            (_inputName, _outputName, _inputDims) = (inputName, outputName, input.Dimensions);
            _batchSize = _inputDims.Length > 0 && _inputDims[0] > 0 ? _inputDims[0] : batchSize;
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Provider { get; }

    /// <inheritdoc />
    public ModelOutputs Run(DatasetSplit split, Action<int>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(split);
        CheckInput(split);
        var clock = Stopwatch.StartNew();
        int size = split.SampleSize;
        long[] shape = [_batchSize, .. split.SampleShape];
        var buffer = new float[_batchSize * size];
        Half[]? values = null;
        int classes = 0;
        for (int start = 0; start < split.Samples; start += _batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            int rows = Math.Min(_batchSize, split.Samples - start);
            bool fixedBatch = _inputDims[0] > 0;
            int fed = fixedBatch ? _batchSize : rows;
            if (fed != buffer.Length / size)
            {
                buffer = new float[fed * size];
            }

            buffer.AsSpan().Clear();
            split.Inputs.AsSpan(start * size, rows * size).CopyTo(buffer);
            shape[0] = fed;
            using var input = OrtValue.CreateTensorValueFromMemory(buffer, shape);
            using var results = Execute(input);
            var result = results[0];
            long[] outShape = result.GetTensorTypeAndShape().Shape;
            if (outShape.Length != 2 || outShape[0] != fed || outShape[1] < 1
                || (classes > 0 && outShape[1] != classes))
            {
                throw new InvalidDataException(
                    $"{_file}: output '{_outputName}' has shape {Dims(outShape)} for a batch of {fed}; expected "
                    + $"({fed}, classes){(classes > 0 ? $" with {classes} classes" : "")}");
            }

            classes = (int)outShape[1];
            values ??= new Half[(long)split.Samples * classes];
            var raw = result.GetTensorDataAsSpan<float>()[..(rows * classes)];
            if (_kind is null)
            {
                _kind = OutputConversion.LooksLikeProbabilities(raw, classes) ? OutputKind.Probabilities
                    : OutputKind.Logits;
                _detected = true;
            }

            OutputConversion.ToHalf(raw, values.AsSpan(start * classes, rows * classes), classes, _kind.Value);
            progress?.Invoke(start + rows);
        }

        return new ModelOutputs(values ?? [], split.Samples, classes, _kind ?? OutputKind.Probabilities, _detected,
            Provider, clock.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private IDisposableReadOnlyCollection<OrtValue> Execute(OrtValue input)
    {
        try
        {
            using var options = new RunOptions();
            return _session.Run(options, [_inputName], [input], [_outputName]);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException(
                $"{_file}: inference failed ({ex.Message.ReplaceLineEndings(" ").Trim()})", ex);
        }
    }

    private void CheckInput(DatasetSplit split)
    {
        bool fits = _inputDims.Length == split.SampleShape.Count + 1;
        for (int d = 1; fits && d < _inputDims.Length; d++)
        {
            fits = _inputDims[d] <= 0 || _inputDims[d] == split.SampleShape[d - 1];
        }

        if (!fits)
        {
            throw new InvalidDataException(
                $"{_file}: input '{_inputName}' takes float32 {Dims(_inputDims)}, but {split.InputsFile} holds "
                + $"samples of shape {split.ShapeText}");
        }
    }

    private static string Dims<T>(IEnumerable<T> dims) =>
        "[" + string.Join(",", dims.Select(d => Convert.ToInt64(d, null) < 0 ? "N" : $"{d}")) + "]";
}
