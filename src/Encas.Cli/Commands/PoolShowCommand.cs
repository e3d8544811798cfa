using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Encas.Core.Pools;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary><c>encas pool show POOL [--json]</c>: models, MFLOPs, accuracy per split, checksums.</summary>
internal static class PoolShowCommand
{
    public static Command Create()
    {
        var poolPath = new Argument<string>("POOL") { Description = "The pool folder." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts." };
        var command = new Command("show", "Show a pool: its models, their MFLOPs and accuracy per split.")
        {
            poolPath, json,
        };
        command.SetAction(parse =>
        {
            using var pool = Pool.Open(parse.GetValue(poolPath)!);
            if (parse.GetValue(json))
            {
                Console.WriteLine(ToJson(pool.Manifest));
            }
            else
            {
                PrintTable(pool);
            }

            return 0;
        });
        return command;
    }

    internal static string ToJson(PoolManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("classes", manifest.Classes);
            writer.WriteStartObject("samples");
            foreach (string split in PoolSplits.All)
            {
                writer.WriteNumber(split, manifest.Splits[split].Samples);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("models");
            foreach (var model in manifest.Models)
            {
                writer.WriteStartObject();
                writer.WriteString("name", model.Name);
                writer.WriteNumber("mflops", model.Mflops[PoolSplits.Val]);
                writer.WriteNumber("val_accuracy", model.Accuracy[PoolSplits.Val]);
                writer.WriteNumber("test_accuracy", model.Accuracy[PoolSplits.Test]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void PrintTable(Pool pool)
    {
        var manifest = pool.Manifest;
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("gene").AddColumn("model").AddColumn(new TableColumn("MFLOPs").RightAligned())
            .AddColumn(new TableColumn("val acc %").RightAligned())
            .AddColumn(new TableColumn("test acc %").RightAligned())
            .AddColumn("sha256 val test");
        for (int m = 0; m < manifest.Models.Count; m++)
        {
            var model = manifest.Models[m];
            table.AddRow(
                (m + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(model.Name),
                model.Mflops[PoolSplits.Val].ToString("G4", CultureInfo.InvariantCulture),
                model.Accuracy[PoolSplits.Val].ToString("F2", CultureInfo.InvariantCulture),
                model.Accuracy[PoolSplits.Test].ToString("F2", CultureInfo.InvariantCulture),
                $"{model.Outputs[PoolSplits.Val].Sha256[..8]} {model.Outputs[PoolSplits.Test].Sha256[..8]}");
        }

        AnsiConsole.WriteLine(
            $"{pool.Directory}: {manifest.Models.Count} models, {manifest.Classes} classes, "
            + $"{manifest.Splits[PoolSplits.Val].Samples} val / "
            + $"{manifest.Splits[PoolSplits.Test].Samples} test samples "
            + $"(format v{manifest.Version}, checksums verified)");
        AnsiConsole.Write(table);
    }
}
