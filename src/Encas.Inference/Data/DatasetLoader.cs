using Encas.Core.Numpy;
using Encas.Core.Pools;

namespace Encas.Inference.Data;

/// <summary>
/// Loads the validation and test splits of a data folder: NumPy files <c>{split}_x.npy</c> and
/// <c>{split}_y.npy</c> (inputs float32 or uint8, labels any integer type), or gzip'd MNIST-style IDX files
/// <c>{split}-images-idx3-ubyte.gz</c> and <c>{split}-labels-idx1-ubyte.gz</c> (images become float32
/// (N, 1, rows, cols) with the raw byte values 0–255).
/// </summary>
/// <remarks>Label range is not checked here, because the class count is only known once a model has run;
/// see <see cref="OutputValidator.ValidateLabels"/>.</remarks>
public static class DatasetLoader
{
    /// <summary>Loads one split (<c>val</c> or <c>test</c>) of <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">Neither layout is present for the split.</exception>
    /// <exception cref="InvalidDataException">A file is unreadable, has the wrong dtype or shape, or the
    /// sample counts of inputs and labels differ; the message names the file.</exception>
    public static DatasetSplit Load(string folder, string split)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such data folder");
        }

        string x = FindNpy(folder, $"{split}_x");
        string y = FindNpy(folder, $"{split}_y");
        if (File.Exists(x) || File.Exists(y))
        {
            return LoadNpy(split, x, y);
        }

        string images = Path.Combine(folder, $"{split}-images-idx3-ubyte.gz");
        string labels = Path.Combine(folder, $"{split}-labels-idx1-ubyte.gz");
        if (File.Exists(images) || File.Exists(labels))
        {
            return LoadIdx(split, images, labels);
        }

        throw new FileNotFoundException(
            $"{folder}: no {split} split: expected {split}_x.npy and {split}_y.npy, or "
            + $"{split}-images-idx3-ubyte.gz and {split}-labels-idx1-ubyte.gz");
    }

    private static string FindNpy(string folder, string stem)
    {
        string plain = Path.Combine(folder, stem + ".npy");
        string gzip = plain + ".gz";
        return !File.Exists(plain) && File.Exists(gzip) ? gzip : plain;
    }

    private static DatasetSplit LoadNpy(string split, string x, string y)
    {
        RequireFile(x, y);
        RequireFile(y, x);
        var (inputs, shape) = NpyReader.ReadFloat32Array(x);
        var labels = NpyReader.ReadLabels(y);
        CheckCounts(x, shape[0], y, labels.Length);
        return new DatasetSplit(split, inputs, shape[1..], labels, x, y);
    }

    private static DatasetSplit LoadIdx(string split, string images, string labels)
    {
        RequireFile(images, labels);
        RequireFile(labels, images);
        var (pixels, shape) = IdxReader.Read(images);
        if (shape.Length != 3)
        {
            throw new InvalidDataException(
                $"{images}: IDX shape ({string.Join(", ", shape)}) is not (images, rows, cols)");
        }

        var (classes, labelShape) = IdxReader.Read(labels);
        if (labelShape.Length != 1)
        {
            throw new InvalidDataException(
                $"{labels}: IDX shape ({string.Join(", ", labelShape)}) is not a vector of labels");
        }

        CheckCounts(images, shape[0], labels, labelShape[0]);
        var inputs = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            inputs[i] = pixels[i];
        }

        return new DatasetSplit(split, inputs, [1, shape[1], shape[2]], [.. classes.Select(c => (int)c)], images,
            labels);
    }

    private static void RequireFile(string path, string partner)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: missing (it belongs with {Path.GetFileName(partner)})", path);
        }
    }

    private static void CheckCounts(string inputs, long samples, string labels, long count)
    {
        if (samples != count)
        {
            throw new InvalidDataException(
                $"{labels}: {count} labels, but {inputs} holds {samples} samples; the counts must be equal");
        }

        if (samples == 0)
        {
            throw new InvalidDataException($"{inputs}: no samples");
        }
    }
}
