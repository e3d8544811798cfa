using Encas.Gomea.Random;

namespace Encas.Gomea.Tests;

public sealed class RandomTests
{
    [Fact]
    public void NextDouble_Seed1_MatchesReferenceVector()
    {
        var rng = new Lcg48(1);

        double[] expected = [8.958178688844853e-05, 0.872086605065287, 0.7943048233411579, 0.3100176147424667,
            0.15653965659779934];

        foreach (double e in expected)
        {
            Assert.Equal(e, rng.NextDouble());
        }
    }

    [Fact]
    public void NextDouble_Seed42_MatchesReferenceVector()
    {
        var rng = new Lcg48(42);

        Assert.Equal(0.0037624195461311016, rng.NextDouble());
        Assert.Equal(0.9207663615147803, rng.NextDouble());
        Assert.Equal(0.4121105454797801, rng.NextDouble());
    }

    [Fact]
    public void InitialPopulation_Seed1_Alphabet5_MatchesGoldenFile()
    {
        string path = SharedData.Require("golden", "rng_seed1_initpop_l10_alphabet5.txt");
        int[][] expected = File.ReadAllLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray()).ToArray();
        var rng = new Lcg48(1);

        foreach (int[] row in expected)
        {
            int[] drawn = Enumerable.Range(0, row.Length).Select(_ => rng.NextInt(5)).ToArray();
            Assert.Equal(row, drawn);
        }

        Assert.Equal(8, expected.Length);
    }

    [Fact]
    public void FromState_ContinuesTheSameStream()
    {
        var rng = new Lcg48(7);
        rng.NextDouble();

        var copy = Lcg48.FromState(rng.State);

        Assert.Equal(rng.NextDouble(), copy.NextDouble());
    }

    [Fact]
    public void RandomOrdering_UsesTwoDrawsPerElementAndIsAPermutation()
    {
        var rng = new Lcg48(3);
        var twin = new Lcg48(3);

        int[] order = rng.RandomOrdering(10);
        for (int i = 0; i < 20; i++)
        {
            twin.NextDouble();
        }

        Assert.Equal(Enumerable.Range(0, 10), order.Order());
        Assert.Equal(twin.State, rng.State);
    }

    [Fact]
    public void MergeSort_OnTies_EmitsRightHalfFirst()
    {
        double[] keys = [1.0, 0.0, 1.0, 0.0];

        int[] order = ReferenceMergeSort.SortOrder(keys);

        // Halves [1,0] and [1,0] sort to [1,0] and [3,2]; on equal keys the right half's element goes first.
        Assert.Equal([3, 1, 2, 0], order);
    }

    [Fact]
    public void MergeSort_SortsAscending()
    {
        double[] keys = [5, 3, 9, 1, 7, 2];

        int[] order = ReferenceMergeSort.SortOrder(keys);

        Assert.Equal([3, 5, 1, 0, 4, 2], order);
    }
}
