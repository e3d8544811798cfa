using System.Globalization;

namespace Encas.Gomea.Problems;

/// <summary>
/// Reads reference Pareto fronts stored as one point per line (knapsack <c>.pareto</c>, MAXCUT fronts).
/// </summary>
public static class ReferenceFront
{
    /// <summary>Reads a front file; a first line holding a single integer (a point count) is skipped.</summary>
    /// <param name="path">The front file.</param>
    /// <param name="objectives">The number of objectives per point.</param>
    /// <returns>The points, in file order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line does not hold the expected numbers; names file and
    /// line.</exception>
    public static double[][] Read(string path, int objectives = 2)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        string[] lines = File.ReadAllLines(path);
        var points = new List<double[]>();
        for (int i = 0; i < lines.Length; i++)
        {
            string[] tokens = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0 || (i == 0 && tokens.Length == 1))
            {
                continue;
            }

            if (tokens.Length < objectives)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected {objectives} numbers, found '{lines[i]}'");
            }

            var point = new double[objectives];
            for (int k = 0; k < objectives; k++)
            {
                if (!double.TryParse(tokens[k], NumberStyles.Float, CultureInfo.InvariantCulture, out point[k]))
                {
                    throw new InvalidDataException($"{path}:{i + 1}: '{tokens[k]}' is not a number");
                }
            }

            points.Add(point);
        }

        return [.. points];
    }

    /// <summary>Reads whitespace-separated integers (an ENCAS alphabet or lower-bound file).</summary>
    /// <param name="path">The file.</param>
    /// <param name="count">The number of integers expected.</param>
    /// <returns>The integers.</returns>
    /// <exception cref="InvalidDataException">Too few integers or a token that is not one; names file and
    /// line.</exception>
    public static int[] ReadIntegers(string path, int count)
    {
        var reader = new InstanceTokenReader(path);
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.NextInt($"(value {i + 1} of {count})");
        }

        return values;
    }
}
