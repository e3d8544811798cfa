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
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Build on a running cluster through this node's management endpoint HOST:PORT; the paths "
                + "must be the same on every gpu node (a shared volume).",
        };
        var token = new Option<string?>("--token")
        {
            Description = "Bearer token of the management endpoint [ENCAS_MANAGEMENT_TOKEN].",
        };
        var command = new Command("build", "Build a pool by running ONNX models over a dataset's val and test splits.")
        {
            models, data, output, device, batch, force, modelsJson, limit, cluster, token,
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
            return parse.GetValue(cluster) is { } where
                ? PoolBuildRemote.RunAsync(options, where,
                    parse.GetValue(token) ?? Environment.GetEnvironmentVariable("ENCAS_MANAGEMENT_TOKEN"), cancellation)
                : RunAsync(options, cancellation);
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
            PrintBuilt(manifest.Models.Count, manifest.Classes, manifest.Splits[PoolSplits.Val].Samples,
                manifest.Splits[PoolSplits.Test].Samples, options.Output, outcome.Records.Select(r => r.Provider));
            return 0;
        }
        catch (PoolBuildException ex)
        {
            return PrintFailed(ex.Failures);
        }
        catch (NotSupportedException ex)
        {
            throw new UserInputException(ex.Message);
        }
    }

    /// <summary>The one stdout line of a successful build.</summary>
    public static void PrintBuilt(int models, int classes, int val, int test, string output,
        IEnumerable<string> providers) =>
        Console.WriteLine($"built {models} models × {classes} classes ({val} val, {test} test samples) into "
            + $"{output} on {string.Join("/", providers.Distinct())}");

    /// <summary>Prints every failed model and the summary line; returns <see cref="ModelsFailed"/>.</summary>
    public static int PrintFailed(IReadOnlyList<ModelFailure> failures)
    {
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"pool build: FAILED {failure.Name}: {failure.Reason.ReplaceLineEndings(" ")}");
        }

        Console.Error.WriteLine(
            $"error: {failures.Count} model(s) failed ({string.Join(", ", failures.Select(f => f.Name))}); "
            + "no pool was written");
        return ModelsFailed;
    }
}
