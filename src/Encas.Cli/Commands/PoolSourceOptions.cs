using System.CommandLine;
using Encas.Core.Pools;
using Encas.Messages;

namespace Encas.Cli.Commands;

/// <summary>
/// The options of <c>encas search</c> and <c>encas submit</c> that let the coordinator build POOL first, on the gpu
/// nodes, from ONNX models and a dataset, when POOL does not exist yet.
/// </summary>
internal sealed class PoolSourceOptions
{
    public Option<string?> Models { get; } = new("--models")
    {
        Description = "Build POOL first (if it does not exist) from this folder of .onnx models; needs --data.",
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The dataset for --models: val_x.npy, val_y.npy, test_x.npy, test_y.npy (or IDX files).",
    };

    public Option<string> Device { get; } = CreateDevice();

    public Option<int?> Limit { get; } = new("--limit")
    {
        Description = "With --models: use only the first N samples of each split.",
    };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Models, Data, Device, Limit })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The build to request, or null when POOL must exist already.</summary>
    /// <exception cref="UserInputException">Only one of --models and --data, or a pool that is missing.</exception>
    public PoolBuildSpec? Build(ParseResult parse, string poolPath)
    {
        string? models = parse.GetValue(Models);
        string? data = parse.GetValue(Data);
        if (models is null && data is null)
        {
            if (!File.Exists(Path.Combine(poolPath, PoolManifest.FileName)))
            {
                throw new UserInputException($"{poolPath}: not a pool (no {PoolManifest.FileName}); import one with "
                    + "encas pool import, or give --models and --data to build it");
            }

            return null;
        }

        if (models is null || data is null)
        {
            throw new UserInputException("--models and --data go together: give both to build the pool first");
        }

        return new PoolBuildSpec(Path.GetFullPath(models), Path.GetFullPath(data), parse.GetValue(Device)!,
            SampleLimit: parse.GetValue(Limit));
    }

    private static Option<string> CreateDevice()
    {
        var device = new Option<string>("--device")
        {
            Description = "With --models: auto tries CUDA and falls back to CPU; cuda; cpu.",
            DefaultValueFactory = _ => "auto",
        };
        device.AcceptOnlyFromAmong("auto", "cuda", "cpu");
        return device;
    }
}
