using System.CommandLine;
using Encas.Core.Pools;
using Encas.Inference.Building;
using Encas.GpuNode;
using Encas.Inference.Runtime;
using Encas.Node;

namespace Encas.Cli.Commands;

/// <summary>
/// <c>encas pool build --models DIR --data DIR --out POOL</c>: runs ONNX models over a dataset's val and test
/// splits and writes a pool, through the sharded precompute of the gpu role on a node inside this process (see
/// <see cref="LocalPoolBuild"/>), with a progress bar per model and overall.
/// </summary>
internal static class PoolBuildCommand
{
    /// <summary>Exit code when one or more models failed (nothing was written).</summary>
    public const int ModelsFailed = 1;

    public static Command Create()
    {
        var models = new Option<string>("--models")
        {
            Description = "Folder of .onnx models (name = file name); optional models.json with overrides.",
            Required = true,
        };
        var data = new Option<string>("--data")
        {
            Description = "Folder with val_x.npy, val_y.npy, test_x.npy, test_y.npy, or "
                + "{val,test}-images-idx3-ubyte.gz and {val,test}-labels-idx1-ubyte.gz.",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "The pool folder to create.", Required = true };
        var device = new Option<DeviceChoice>("--device")
        {
            Description = "auto tries CUDA and falls back to CPU; cuda fails without CUDA; cpu never tries CUDA.",
            DefaultValueFactory = _ => DeviceChoice.Auto,
        };
        var batch = new Option<int>("--batch-size")
        {
            Description = "Samples per inference batch.",
            DefaultValueFactory = _ => 256,
        };
        var force = new Option<bool>("--force") { Description = "Replace POOL if it exists." };
        var modelsJson = new Option<string?>("--models-json")
        {
            Description = "Overrides file (macs/mflops, output: logits|probabilities); default: DIR/models.json.",
        };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N samples of each split." };
        var command = new Command("build", "Build a pool by running ONNX models over a dataset's val and test splits.")
        {
            models, data, output, device, batch, force, modelsJson, limit,
        };
        command.SetAction((parse, cancellation) =>
        {
            int size = parse.GetValue(batch);
            if (size < 1)
            {
                throw new UserInputException($"--batch-size must be at least 1, got {size}");
            }

            var options = new PoolBuildOptions(parse.GetValue(models)!, parse.GetValue(data)!, parse.GetValue(output)!,
                parse.GetValue(device), size, parse.GetValue(force), parse.GetValue(modelsJson),
                SampleLimit: parse.GetValue(limit));
            return RunAsync(options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(PoolBuildOptions options, CancellationToken cancellation)
    {
        try
        {
            var outcome = await PoolBuildProgressDisplay.ShowAsync(progress =>
                LocalPoolBuild.RunAsync(options, progress, cancellation));
            var manifest = outcome.Manifest!;
            Console.WriteLine(
                $"built {manifest.Models.Count} models × {manifest.Classes} classes "
                + $"({manifest.Splits[PoolSplits.Val].Samples} val, {manifest.Splits[PoolSplits.Test].Samples} test "
                + $"samples) into {options.Output} on "
                + string.Join("/", outcome.Records.Select(r => r.Provider).Distinct()));
            return 0;
        }
        catch (PoolBuildException ex)
        {
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"pool build: FAILED {failure.Name}: {failure.Reason.ReplaceLineEndings(" ")}");
            }

            Console.Error.WriteLine(
                $"error: {ex.Failures.Count} model(s) failed ({string.Join(", ", ex.Failures.Select(f => f.Name))}); "
                + "no pool was written");
            return ModelsFailed;
        }
        catch (NotSupportedException ex)
        {
            throw new UserInputException(ex.Message);
        }
    }
}
