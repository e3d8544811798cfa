using System.Buffers.Binary;
using Encas.Core.Tests.Support;

namespace Encas.Inference.Tests.Support;

/// <summary>Writes val/test splits as .npy files for tests.</summary>
public static class DataFolder
{
    /// <summary>Deterministic inputs in [-2, 2] and labels cycling through the classes.</summary>
    public static (float[] X, int[] Y) Make(int samples, int features, int classes, int salt)
    {
        var x = new float[samples * features];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(2 * Math.Sin((i * 1.3) + salt));
        }

        return (x, [.. Enumerable.Range(0, samples).Select(i => i % classes)]);
    }

    public static void WriteSplit(string folder, string split, float[] x, long[] shape, int[] y)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, $"{split}_x.npy"), Float32(x, shape));
        File.WriteAllBytes(Path.Combine(folder, $"{split}_y.npy"), NpyWriter.Int64(y));
    }

    /// <summary>Both splits with <paramref name="samples"/> samples of <paramref name="features"/> values.</summary>
    public static string Write(string folder, int samples, int features, int classes)
    {
        foreach (var (split, salt) in new[] { ("val", 0), ("test", 1) })
        {
            var (x, y) = Make(samples, features, classes, salt);
            WriteSplit(folder, split, x, [samples, features], y);
        }

        return folder;
    }

    public static byte[] Float32(float[] values, long[] shape)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        }

        return NpyWriter.Encode("<f4", shape, data);
    }
}
