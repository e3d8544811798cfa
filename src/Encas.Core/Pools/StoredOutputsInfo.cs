using System.Text.Json;

namespace Encas.Core.Pools;

/// <summary>
/// What <c>output_distrs_&lt;split&gt;/info.json</c> of the ENCAS stored-output layout says: MFLOPs per
/// model (key <c>flops</c>) and, optionally, the model names (key <c>net_names</c>). Other keys are ignored.
/// </summary>
/// <param name="Mflops">MFLOPs per model, pool order.</param>
/// <param name="Names">Model names, pool order, or null when the file has none.</param>
public sealed record StoredOutputsInfo(IReadOnlyList<double> Mflops, IReadOnlyList<string>? Names)
{
    /// <summary>Reads and checks an info.json file.</summary>
    public static StoredOutputsInfo Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: missing (it must list 'flops' per model)", path);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("flops", out var flops) || flops.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path}: no 'flops' list (MFLOPs per model)");
            }

            var mflops = new List<double>();
            foreach (var item in flops.EnumerateArray())
            {
                bool valid = item.ValueKind == JsonValueKind.Number && double.IsFinite(item.GetDouble())
                    && item.GetDouble() >= 0;
                if (!valid)
                {
                    throw new InvalidDataException(
                        $"{path}: flops[{mflops.Count}] is {item.GetRawText()}, not a non-negative number");
                }

                mflops.Add(item.GetDouble());
            }

            List<string>? names = null;
            if (doc.RootElement.TryGetProperty("net_names", out var netNames))
            {
                names = [];
                foreach (var item in netNames.EnumerateArray())
                {
                    names.Add(item.ValueKind == JsonValueKind.String
                        ? item.GetString()!
                        : throw new InvalidDataException($"{path}: net_names[{names.Count}] is not a string"));
                }
            }

            return new StoredOutputsInfo(mflops, names);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({ex.Message})", ex);
        }
    }
}
