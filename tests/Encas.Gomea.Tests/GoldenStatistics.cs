using Encas.Gomea.Engine;

namespace Encas.Gomea.Tests;

/// <summary>Reads a golden <c>statistics.dat</c> and compares an engine's step log with it line by line.</summary>
internal static class GoldenStatistics
{
    public static string[] Lines(string path) => File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();

    public static void AssertMatches(string path, IReadOnlyList<PopulationStep> steps)
    {
        string[] expected = Lines(path);
        int common = Math.Min(expected.Length, steps.Count);
        for (int i = 0; i < common; i++)
        {
            string actual = steps[i].ToStatisticsLine();
            Assert.True(expected[i] == actual, $"line {i + 1} differs:\nexpected '{expected[i]}'\nactual   '{actual}'");
        }

        Assert.Equal(expected.Length, steps.Count);
    }
}
