using System.Text.Json;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Core.Tests.Pools;

public sealed class PoolImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Source => _dir.Combine("source");

    private string Target => _dir.Combine("out", "pool");

    [Fact]
    public void An_imported_pool_keeps_every_value_name_cost_and_label()
    {
        var source = RandomSourcePool.Create(3, models: 4, samples: 50, classes: 5);
        source.Write(Source);
        var manifest = PoolImporter.Import(new PoolImportOptions(Source, Target));
        using var pool = Pool.Open(Target);

        Assert.Equal(5, pool.Manifest.Classes);
        Assert.Equal(manifest.ToJson(), pool.Manifest.ToJson());
        Assert.Equal(source.Names, pool.Manifest.Models.Select(m => m.Name));
        Assert.Equal(source.Mflops, pool.Manifest.Models.Select(m => m.Mflops["test"]));
        Assert.Equal(source.Labels["val"], pool.Val.LabelList);
        for (int m = 0; m < 4; m++)
        {
            var expected = source.Outputs["test"][m];
            var row = pool.Test.Outputs[m].Row(17);
            for (int c = 0; c < 5; c++)
            {
                Assert.Equal((Half)expected[17, c], row[c]);
            }
        }
    }

    [Fact]
    public void Float32_outputs_are_accepted_and_rounded_to_half()
    {
        WriteTiny();
        var values = SourcePool.Rows([0.3f, 0.7f], [0.9f, 0.1f]);
        File.WriteAllBytes(Path.Combine(Source, "output_distrs_val", "1.npy.gz"),
            NpyWriter.Gzip(NpyWriter.Float32(values)));
        PoolImporter.Import(new PoolImportOptions(Source, Target));
        using var pool = Pool.Open(Target);
        Assert.Equal((Half)0.3f, pool.Val.Outputs[1].Row(0)[0]);
    }

    [Fact]
    public void Accuracy_is_computed_from_the_outputs()
    {
        WriteTiny();
        var manifest = PoolImporter.Import(new PoolImportOptions(Source, Target));
        Assert.Equal(50.0, manifest.Models[0].Accuracy["val"]);
        Assert.Equal(100.0, manifest.Models[1].Accuracy["val"]);
    }

    [Fact]
    public void A_truncated_gzip_file_is_named()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_test", "1.npy.gz");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        Fails(file);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_named()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_val", "0.npy.gz");
        File.WriteAllBytes(file, NpyWriter.Float16(SourcePool.Rows([0.5f, 0.5f], [1f, 0f])));
        Fails(file, "not a gzip stream");
    }

    [Fact]
    public void A_wrong_dtype_is_named()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_val", "1.npy.gz");
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Int64([1, 0, 1, 0])));
        Fails(file, "<i8");
    }

    [Fact]
    public void A_shape_that_does_not_match_the_labels_is_named_with_its_model()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_test", "1.npy.gz");
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Float16(SourcePool.Rows([0.5f, 0.5f]))));
        Fails(file, "model 1 'good'", "shape (1, 2), expected (2, 2)");
    }

    [Fact]
    public void NaN_is_named_with_file_model_and_row()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_val", "1.npy.gz");
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Float16(SourcePool.Rows([0.5f, 0.5f], [float.NaN, 0f]))));
        Fails(file, "model 1 'good'", "row 1, class 0 is NaN");
    }

    [Fact]
    public void Logits_passed_off_as_probabilities_are_caught()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_val", "0.npy.gz");
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Float16(SourcePool.Rows([0.2f, 0.3f], [0.9f, 0.1f]))));
        Fails(file, "model 0 'weak'", "row 0 sums to 0.5");
        File.WriteAllBytes(file, NpyWriter.Gzip(NpyWriter.Float16(SourcePool.Rows([2.5f, -1.5f], [0.9f, 0.1f]))));
        Fails(file, "row 0, class 0 is 2.5", "logits");
    }

    [Fact]
    public void Labels_out_of_range_are_named_with_the_row()
    {
        WriteTiny();
        string file = Path.Combine(Source, "labels_test.npy");
        File.WriteAllBytes(file, NpyWriter.Int64([1, 2]));
        Fails(file, "row 1: label 2 is outside [0, 2)");
    }

    [Fact]
    public void A_missing_info_json_is_named()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_test", "info.json");
        File.Delete(file);
        Fails(file, "missing");
    }

    [Fact]
    public void Info_json_with_the_wrong_model_count_is_named()
    {
        WriteTiny();
        string file = Path.Combine(Source, "output_distrs_val", "info.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { flops = new[] { 1.0, 2.0, 3.0 } }));
        Fails(file, "lists 3 flops", "2 model files");
    }

    [Fact]
    public void An_existing_pool_is_not_overwritten_without_force()
    {
        WriteTiny();
        PoolImporter.Import(new PoolImportOptions(Source, Target));
        var before = File.ReadAllText(Path.Combine(Target, PoolManifest.FileName));
        Assert.Throws<IOException>(() => PoolImporter.Import(new PoolImportOptions(Source, Target)));
        Assert.Equal(before, File.ReadAllText(Path.Combine(Target, PoolManifest.FileName)));
        PoolImporter.Import(new PoolImportOptions(Source, Target, Replace: true));
        using var pool = Pool.Open(Target);
        Assert.Equal(2, pool.Models);
    }

    [Fact]
    public void A_failed_import_over_an_existing_pool_leaves_it_intact()
    {
        WriteTiny();
        PoolImporter.Import(new PoolImportOptions(Source, Target));
        File.WriteAllBytes(Path.Combine(Source, "output_distrs_val", "1.npy.gz"), [1, 2, 3]);
        Assert.ThrowsAny<Exception>(() => PoolImporter.Import(new PoolImportOptions(Source, Target, Replace: true)));
        using var pool = Pool.Open(Target);
        Assert.Equal(2, pool.Models);
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(Target)!));
    }

    private void WriteTiny()
    {
        var source = new SourcePool();
        source.Labels["val"] = [0, 1];
        source.Labels["test"] = [1, 0];
        source.Add("weak", 1.5, SourcePool.Rows([0.5f, 0.5f], [0.75f, 0.25f]), SourcePool.Rows([1f, 0f], [0f, 1f]));
        source.Add("good", 20, SourcePool.Rows([1f, 0f], [0f, 1f]), SourcePool.Rows([0f, 1f], [1f, 0f]));
        source.Write(Source);
    }

    private void Fails(string file, params string[] fragments)
    {
        var ex = Assert.ThrowsAny<Exception>(() => PoolImporter.Import(new PoolImportOptions(Source, Target)));
        Assert.True(ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException,
            ex.GetType().Name);
        Assert.Contains(file, ex.Message);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, ex.Message);
        }

        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(Directory.Exists(Target), "nothing may be left at the target");
        string parent = Path.GetDirectoryName(Target)!;
        Assert.True(!Directory.Exists(parent) || Directory.GetFileSystemEntries(parent).Length == 0,
            "no staging folder may be left behind");
    }
}
