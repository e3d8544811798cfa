using System.CommandLine;
using Encas.Core.Bench;
using Encas.Core.Pools;

namespace Encas.Cli.Commands;

/// <summary><c>encas bench make-pool --out DIR</c>: a synthetic ImageNet-scale pool from the timm table.</summary>
internal static class BenchMakePoolCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The pool folder to create.", Required = true };
        var models = new Option<int>("--models")
        {
            Description = "Pool models, spread evenly over the authors' 518 timm models.",
            DefaultValueFactory = _ => 518,
        };
        var samples = new Option<int>("--samples")
        {
            Description = "Validation samples (ImageNetV2 in the authors' setup: 20,683).",
            DefaultValueFactory = _ => 20_683,
        };
        var testSamples = new Option<int>("--test-samples")
        {
            Description = "Test samples.",
            DefaultValueFactory = _ => 10_000,
        };
        var classes = new Option<int>("--classes") { Description = "Classes.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Replace DIR if it exists." };
        var command = new Command("make-pool",
            "Write a synthetic pool whose models match the timm ImageNet accuracies and GMACs (streamed, seeded).")
        {
            output, models, samples, testSamples, classes, seed, force,
        };
        command.SetAction(parse =>
        {
            var options = new SyntheticPoolOptions
            {
                Output = parse.GetValue(output)!,
                Models = parse.GetValue(models),
                ValSamples = parse.GetValue(samples),
                TestSamples = parse.GetValue(testSamples),
                Classes = parse.GetValue(classes),
                Seed = parse.GetValue(seed),
                Replace = parse.GetValue(force),
            };
            int shown = -1;
            var manifest = SyntheticPoolWriter.Write(options, (done, total) =>
            {
                int tenth = done * 10 / total;
                if (tenth != shown)
                {
                    shown = tenth;
                    Console.Error.WriteLine($"make-pool: {done}/{total} output files written");
                }
            });
            long bytes = manifest.Models.Sum(m => m.Outputs.Values.Sum(f => f.Bytes));
            Console.WriteLine(
                $"wrote {manifest.Models.Count} models × {manifest.Classes} classes "
                + $"({manifest.Splits[PoolSplits.Val].Samples} val, {manifest.Splits[PoolSplits.Test].Samples} test "
                + $"samples, {bytes / 1e9:F2} GB of outputs) into {options.Output}");
            return 0;
        });
        return command;
    }
}
