using Encas.Core.Pools;
using Encas.GpuNode;
using Encas.Inference.Building;
using Encas.Node;

namespace Encas.Cli.Commands;

/// <summary><c>encas pool build --cluster HOST:PORT</c>: starts the build on a running cluster's node and follows
/// its progress per model until it ends.</summary>
internal static class PoolBuildRemote
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(PoolBuildOptions options, string cluster, string? token,
        CancellationToken cancel)
    {
        using var client = new ManagementClient(cluster, token);
        var request = new PoolBuildRequest(Path.GetFullPath(options.Models), Path.GetFullPath(options.Data),
            Path.GetFullPath(options.Output), options.Device.ToString().ToLowerInvariant(), options.BatchSize,
            options.Replace, options.ModelsJson is null ? null : Path.GetFullPath(options.ModelsJson),
            options.SampleLimit);
        var started = await client.PostAsync<StartedBuild>("api/pool-builds", request, cancel);
        Console.Error.WriteLine($"pool build {started.Id} started on {cluster}");
        var status = await PoolBuildProgressDisplay.ShowAsync(async progress =>
        {
            while (true)
            {
                var now = await client.GetAsync<PoolBuildStatus>($"api/pool-builds/{started.Id}", cancel);
                foreach (var model in now.Models)
                {
                    progress.Report(model);
                }

                if (now.State != "running")
                {
                    return now;
                }

                await Task.Delay(Poll, cancel);
            }
        });
        if (status.State == "completed")
        {
            PoolBuildCommand.PrintBuilt(status.Models.Count, status.Classes, status.Samples[PoolSplits.Val],
                status.Samples[PoolSplits.Test], options.Output, status.Providers);
            return 0;
        }

        if (status.Failures.Count > 0 && status.Error is null)
        {
            return PoolBuildCommand.PrintFailed(status.Failures);
        }

        throw new UserInputException(status.Error ?? "the pool build failed");
    }

    private sealed record StartedBuild(string Id);
}
