namespace Encas.Gomea.Problems;

/// <summary>A weighted graph for one MAXCUT objective: edges as 0-based vertex pairs with weights.</summary>
public sealed class MaxcutInstance
{
    /// <summary>Creates an instance.</summary>
    /// <param name="vertexCount">Number of vertices (genes).</param>
    /// <param name="from">First endpoint of every edge, 0-based.</param>
    /// <param name="to">Second endpoint of every edge, 0-based.</param>
    /// <param name="weights">Weight of every edge.</param>
    public MaxcutInstance(int vertexCount, int[] from, int[] to, double[] weights)
    {
        VertexCount = vertexCount;
        From = from;
        To = to;
        Weights = weights;
    }

    /// <summary>Number of vertices.</summary>
    public int VertexCount { get; }

    /// <summary>First endpoints, 0-based.</summary>
    public int[] From { get; }

    /// <summary>Second endpoints, 0-based.</summary>
    public int[] To { get; }

    /// <summary>Edge weights.</summary>
    public double[] Weights { get; }

    /// <summary>
    /// Reads <c>maxcut_instance_&lt;V&gt;_&lt;k&gt;.txt</c>: a line <c>V E</c>, then <c>u v w</c> per edge.
    /// </summary>
    /// <remarks>Vertices are 1-based in the file. As in the reference, the edge list ends at the first empty
    /// line.</remarks>
    /// <param name="path">The instance file.</param>
    /// <param name="vertices">The expected number of vertices (the genome length).</param>
    /// <returns>The instance.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and line.</exception>
    public static MaxcutInstance Read(string path, int vertices)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        string[] lines = File.ReadAllLines(path);
        int[] header = ParseLine(path, lines, 0, 2);
        if (header[0] != vertices)
        {
            throw new InvalidDataException($"{path}:1: the graph has {header[0]} vertices; expected {vertices}");
        }

        int edges = header[1];
        var from = new List<int>(edges);
        var to = new List<int>(edges);
        var weights = new List<double>(edges);
        for (int line = 1; line < lines.Length && lines[line].Length > 0; line++)
        {
            string[] tokens = lines[line].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 3
                || !int.TryParse(tokens[0], out int u) || !int.TryParse(tokens[1], out int v)
                || !double.TryParse(tokens[2], System.Globalization.CultureInfo.InvariantCulture, out double w))
            {
                throw new InvalidDataException($"{path}:{line + 1}: expected 'u v weight', found '{lines[line]}'");
            }

            if (u < 1 || u > vertices || v < 1 || v > vertices)
            {
                throw new InvalidDataException($"{path}:{line + 1}: vertex outside 1…{vertices}");
            }

            from.Add(u - 1);
            to.Add(v - 1);
            weights.Add(w);
        }

        if (from.Count != edges)
        {
            throw new InvalidDataException($"{path}:1: header declares {edges} edges but {from.Count} were read");
        }

        return new MaxcutInstance(vertices, [.. from], [.. to], [.. weights]);
    }

    private static int[] ParseLine(string path, string[] lines, int index, int count)
    {
        string text = index < lines.Length ? lines[index] : string.Empty;
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (i >= tokens.Length || !int.TryParse(tokens[i], out values[i]))
            {
                throw new InvalidDataException($"{path}:{index + 1}: expected {count} integers, found '{text}'");
            }
        }

        return values;
    }
}
