using System.CommandLine;
using Encas.Core.Pools;

namespace Encas.Cli.Commands;

/// <summary><c>encas pool import SOURCE --out POOL</c>: the ENCAS stored-output layout into a pool.</summary>
internal static class PoolImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "Folder with output_distrs_val/ and output_distrs_test/ (<i>.npy.gz and info.json).",
        };
        var output = new Option<string>("--out") { Description = "The pool folder to create.", Required = true };
        var labelsVal = new Option<string?>("--labels-val")
        {
            Description = "Validation labels (.npy, int32/int64); default: SOURCE/labels_val.npy.",
        };
        var labelsTest = new Option<string?>("--labels-test")
        {
            Description = "Test labels (.npy, int32/int64); default: SOURCE/labels_test.npy.",
        };
        var force = new Option<bool>("--force") { Description = "Replace POOL if it exists." };
        var tolerance = new Option<double>("--sum-tolerance")
        {
            Description = "Allowed |row sum - 1| of the stored probabilities.",
            DefaultValueFactory = _ => OutputValidator.DefaultSumTolerance,
        };
        var command = new Command("import", "Import stored outputs in the ENCAS layout into a validated pool.")
        {
            source, output, labelsVal, labelsTest, force, tolerance,
        };
        command.SetAction(parse =>
        {
            var options = new PoolImportOptions(parse.GetValue(source)!, parse.GetValue(output)!,
                parse.GetValue(labelsVal), parse.GetValue(labelsTest), parse.GetValue(force),
                parse.GetValue(tolerance));
            int shown = -1;
            var manifest = PoolImporter.Import(options, (done, total) =>
            {
                int tenth = done * 10 / total;
                if (tenth != shown)
                {
                    shown = tenth;
                    Console.Error.WriteLine($"import: {done}/{total} output files checked and written");
                }
            });
            Console.WriteLine(
                $"imported {manifest.Models.Count} models × {manifest.Classes} classes "
                + $"({manifest.Splits[PoolSplits.Val].Samples} val, {manifest.Splits[PoolSplits.Test].Samples} test "
                + $"samples) into {options.Output}");
            return 0;
        });
        return command;
    }
}
