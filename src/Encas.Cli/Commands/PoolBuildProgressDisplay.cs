using System.Collections.Concurrent;
using System.Globalization;
using Encas.GpuNode;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary>
/// Shows a sharded pool build: on a terminal, a live bar per model (split progress, node) and one overall bar;
/// otherwise one line whenever a model finishes a split, is done, is retried or fails.
/// </summary>
internal static class PoolBuildProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing the model progress it reports.</summary>
    public static async Task<T> ShowAsync<T>(Func<IProgress<ModelProgress>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            var last = new ConcurrentDictionary<int, string>();
            var plain = new Progress<ModelProgress>(p =>
            {
                string? line = p.State switch
                {
                    "running" when p.Done == p.Total => $"{p.Split} {p.Done}/{p.Total} on {p.Node}",
                    "done" => $"done on {p.Node}",
                    "failed" => $"FAILED: {p.Reason}",
                    "pending" when p.Attempts > 1 => $"retry {p.Attempts}",
                    _ => null,
                };
                if (line is not null && last.GetValueOrDefault(p.Index) != line)
                {
                    last[p.Index] = line;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"pool build: [{p.Index + 1}] {p.Name}: {line}"));
                }
            });
            return await work(plain);
        }

        T? result = default;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var overall = context.AddTask("overall", true, 1);
                var tasks = new ConcurrentDictionary<int, ProgressTask>();
                var finished = new ConcurrentDictionary<int, bool>();
                var live = new Progress<ModelProgress>(p =>
                {
                    var task = tasks.GetOrAdd(p.Index, _ => context.AddTask(p.Name, true, 2));
                    overall.MaxValue = Math.Max(1, tasks.Count);
                    double part = p.Total > 0 ? (double)p.Done / p.Total : 0;
                    task.Value = p.State == "done" ? 2 : p.Split == "test" ? 1 + part : p.Split == "val" ? part : 0;
                    task.Description = Markup.Escape(p.State == "running"
                        ? $"{p.Name} ({p.Split} on {p.Node})"
                        : $"{p.Name} ({p.State})");
                    if (p.State is "done" or "failed")
                    {
                        finished[p.Index] = true;
                        if (p.State == "failed")
                        {
                            task.StopTask();
                        }
                    }

                    overall.Value = finished.Count;
                });
                result = await work(live);
            });
        return result!;
    }
}
