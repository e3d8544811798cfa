using Encas.Core.Cascades;

namespace Encas.Core.Tests.Cascades;

public sealed class PhenotypeTests
{
    [Theory]
    [InlineData(new[] { 0, 4, 0, 2, 0, 33, 44, 12, 5 }, "[3 >0.24 1]")]
    [InlineData(new[] { 4, 2, 3, 0, 0, 0, 12, 5, 9 }, "[3]")]
    [InlineData(new[] { 4, 2, 3, 0, 0, 50, 0, 5, 9 }, "[3 >1.00 1]")]
    [InlineData(new[] { 0, 0, 0, 0, 0, 50, 0, 5, 9 }, "[]")]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 2, 3, 4 }, "[0 >0.02 0 >0.04 0 >0.06 0 >0.08 0]")]
    public void Canonical_form_drops_no_ops_dead_thresholds_and_stages_after_a_zero_threshold(int[] genome,
        string expected)
    {
        Assert.Equal(expected, Phenotype.FromGenome(genome).ToString());
    }

    [Fact]
    public void Genomes_that_differ_only_in_dead_genes_share_a_key()
    {
        var a = Phenotype.FromGenome([0, 5, 0, 9, 0, 1, 2, 40, 3]);
        var b = Phenotype.FromGenome([5, 0, 9, 0, 0, 17, 40, 2, 3]);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, Phenotype.FromGenome([5, 0, 9, 0, 0, 17, 41, 2, 3]).Key);
    }

    [Theory]
    [InlineData("1,2,3", "has 3")]
    [InlineData("1,2,3,4,5,6,7,8,9,10", "has 10")]
    [InlineData("1,2,3,4,9,6,7,8,9", "gene 4 (model) is 9, outside [0, 8]")]
    [InlineData("1,2,3,4,5,6,7,8,51", "gene 8 (threshold) is 51, outside [0, 50]")]
    [InlineData("1,2,x,4,5,6,7,8,9", "gene 2 'x' is not an integer")]
    [InlineData("1,2,-1,4,5,6,7,8,9", "gene 2 (model) is -1")]
    public void Bad_genomes_are_refused_with_the_gene_named(string text, string message)
    {
        var ex = Assert.ThrowsAny<Exception>(() => GenomeLayout.Parse(text, 8, "line 4"));
        Assert.Contains(message, ex.Message);
        Assert.StartsWith("line 4", ex.Message);
    }
}
