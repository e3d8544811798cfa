using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary><c>encas evaluate POOL --genome G | --genomes FILE</c>: exact scores of cascades on both splits.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var poolPath = new Argument<string>("POOL") { Description = "The pool folder." };
        var genome = new Option<string?>("--genome") { Description = "One genome: 9 comma-separated integers." };
        var genomes = new Option<string?>("--genomes")
        {
            Description = "A file with one genome per line (9 comma-separated integers; # starts a comment).",
        };
        var table = new Option<bool>("--table") { Description = "Print a readable table instead of JSON lines." };
        var command = new Command("evaluate", "Score cascades exactly on the validation and test splits.")
        {
            poolPath, genome, genomes, table,
        };
        command.SetAction(parse =>
        {
            using var pool = Pool.Open(parse.GetValue(poolPath)!);
            var list = ReadGenomes(parse.GetValue(genome), parse.GetValue(genomes), pool.Models);
            var val = new CascadeScore[list.Count];
            var test = new CascadeScore[list.Count];
            new CascadeEvaluator(pool.Val).EvaluateMany(list, val);
            new CascadeEvaluator(pool.Test).EvaluateMany(list, test);
            if (parse.GetValue(table))
            {
                PrintTable(pool, list, val, test);
            }
            else
            {
                for (int i = 0; i < list.Count; i++)
                {
                    Console.WriteLine(JsonLine(list[i], val[i], test[i]));
                }
            }

            return 0;
        });
        return command;
    }

    internal static List<int[]> ReadGenomes(string? one, string? file, int poolModels)
    {
        if ((one is null) == (file is null))
        {
            throw new UserInputException("give exactly one of --genome G or --genomes FILE");
        }

        if (one is not null)
        {
            return [GenomeLayout.Parse(one, poolModels, "--genome")];
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: no such genomes file", file);
        }

        var result = new List<int[]>();
        int line = 0;
        foreach (string raw in File.ReadLines(file!))
        {
            line++;
            string text = raw.Split('#')[0].Trim();
            if (text.Length > 0)
            {
                result.Add(GenomeLayout.Parse(text, poolModels, $"{file}, line {line}"));
            }
        }

        return result.Count > 0 ? result : throw new UserInputException($"{file}: no genomes in the file");
    }

    internal static string JsonLine(int[] genome, CascadeScore val, CascadeScore test)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("genome");
            foreach (int gene in genome)
            {
                writer.WriteNumberValue(gene);
            }

            writer.WriteEndArray();
            writer.WriteNumber("val_error", val.ErrorPercent);
            writer.WriteNumber("val_mflops", val.Mflops);
            writer.WriteNumber("test_error", test.ErrorPercent);
            writer.WriteNumber("test_mflops", test.Mflops);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void PrintTable(Pool pool, List<int[]> genomes, CascadeScore[] val, CascadeScore[] test)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("cascade").NoWrap())
            .AddColumn(new TableColumn("val err %").RightAligned())
            .AddColumn(new TableColumn("val MFLOPs").RightAligned())
            .AddColumn(new TableColumn("test err %").RightAligned())
            .AddColumn(new TableColumn("test MFLOPs").RightAligned());
        for (int i = 0; i < genomes.Count; i++)
        {
            table.AddRow(Markup.Escape(Describe(pool, Phenotype.FromGenome(genomes[i]))),
                val[i].ErrorPercent.ToString("F2", CultureInfo.InvariantCulture),
                val[i].Mflops.ToString("F3", CultureInfo.InvariantCulture),
                test[i].ErrorPercent.ToString("F2", CultureInfo.InvariantCulture),
                test[i].Mflops.ToString("F3", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            "a ─t→ b: a sample goes on to b only while the mean of the outputs so far has max ≤ t");
    }

    private static string Describe(Pool pool, Phenotype cascade)
    {
        if (cascade.Length == 0)
        {
            return "(no model: penalty)";
        }

        var parts = new List<string>();
        for (int s = 0; s < cascade.Length; s++)
        {
            if (s > 0)
            {
                double t = cascade.ThresholdGene(s) / (double)GenomeLayout.ThresholdLevels;
                parts.Add($"─{t.ToString("F2", CultureInfo.InvariantCulture)}→");
            }

            parts.Add(pool.Manifest.Models[cascade.Model(s)].Name);
        }

        return string.Join(' ', parts);
    }
}
