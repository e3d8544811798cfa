using System.Text.Json;

namespace Encas.Core.Tests.Support;

/// <summary>
/// A pool in the ENCAS authors' stored-output layout, built in memory and written to a folder:
/// output_distrs_{val,test}/&lt;i&gt;.npy.gz, info.json, labels_{val,test}.npy.
/// </summary>
public sealed class SourcePool
{
    public List<string> Names { get; } = [];

    public List<double> Mflops { get; } = [];

    public Dictionary<string, List<float[,]>> Outputs { get; } = new() { ["val"] = [], ["test"] = [] };

    public Dictionary<string, int[]> Labels { get; } = [];

    public void Add(string name, double mflops, float[,] val, float[,] test)
    {
        Names.Add(name);
        Mflops.Add(mflops);
        Outputs["val"].Add(val);
        Outputs["test"].Add(test);
    }

    public void Write(string folder)
    {
        foreach (string split in new[] { "val", "test" })
        {
            string dir = Path.Combine(folder, $"output_distrs_{split}");
            Directory.CreateDirectory(dir);
            for (int m = 0; m < Outputs[split].Count; m++)
            {
                var npy = NpyWriter.Gzip(NpyWriter.Float16(Outputs[split][m]));
                File.WriteAllBytes(Path.Combine(dir, $"{m}.npy.gz"), npy);
            }

            File.WriteAllText(Path.Combine(dir, "info.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["flops"] = Mflops,
                ["net_names"] = Names,
                [split] = Enumerable.Repeat(0.0, Names.Count).ToList(),
            }));
            File.WriteAllBytes(Path.Combine(folder, $"labels_{split}.npy"), NpyWriter.Int64(Labels[split]));
        }
    }

    /// <summary>Rows given as jagged arrays, for hand-made pools.</summary>
    public static float[,] Rows(params float[][] rows)
    {
        var result = new float[rows.Length, rows[0].Length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < rows[0].Length; c++)
            {
                result[r, c] = rows[r][c];
            }
        }

        return result;
    }
}
