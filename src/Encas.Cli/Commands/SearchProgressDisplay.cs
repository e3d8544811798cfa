using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Encas.Core.Pools;
using Encas.Core.Search;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary>
/// Shows a search's progress: on a terminal, a live bar per run with evaluations per second, archive size and
/// validation hypervolume; otherwise one line per run at every tenth of its budget.
/// </summary>
internal static class SearchProgressDisplay
{
    public static async Task<ExperimentResult> RunAsync(Pool pool, SearchSettings settings, CancellationToken cancel)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            var shown = new ConcurrentDictionary<(string, int), long>();
            var clock = Stopwatch.StartNew();
            var plain = new Progress<RunProgress>(p =>
            {
                long tenth = p.Evaluations * 10 / Math.Max(1, p.Budget);
                if (shown.TryGetValue((p.Kind, p.Run), out long last) && last == tenth && !p.Finished)
                {
                    return;
                }

                shown[(p.Kind, p.Run)] = tenth;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Kind} run {p.Run}: {p.Evaluations}/{p.Budget} evaluations, archive {p.FrontSize}, "
                    + $"val HV {p.ValHypervolume:F5}{(p.Finished ? " (done)" : "")} "
                    + $"[{clock.Elapsed.TotalSeconds:F0} s]"));
            });
            return await Task.Run(() => SearchExperiment.Run(pool, settings, plain, cancel), cancel);
        }

        ExperimentResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new ConcurrentDictionary<(string, int), ProgressTask>();
                var clocks = new ConcurrentDictionary<(string, int), Stopwatch>();
                var live = new Progress<RunProgress>(p =>
                {
                    var task = tasks.GetOrAdd((p.Kind, p.Run),
                        _ => context.AddTask($"{p.Kind} run {p.Run}", true, p.Budget));
                    var clock = clocks.GetOrAdd((p.Kind, p.Run), _ => Stopwatch.StartNew());
                    double rate = p.Evaluations / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                    task.Value = p.Evaluations;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"{p.Kind} run {p.Run}: {rate:N0} eval/s, archive {p.FrontSize}, HV {p.ValHypervolume:F4}");
                });
                result = await Task.Run(() => SearchExperiment.Run(pool, settings, live, cancel), cancel);
            });
        return result!;
    }

    public static void PrintSummary(ExperimentResult result, string outDir)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("run").AddColumn("seed")
            .AddColumn(new TableColumn("evaluations").RightAligned())
            .AddColumn(new TableColumn("front").RightAligned())
            .AddColumn(new TableColumn("val HV").RightAligned())
            .AddColumn(new TableColumn("test HV").RightAligned());
        foreach (var run in result.Runs)
        {
            table.AddRow(run.Run == result.MedianRun ? $"{run.Run} (median)" : $"{run.Run}",
                run.Seed.ToString(CultureInfo.InvariantCulture),
                run.Evaluations.ToString(CultureInfo.InvariantCulture),
                run.Front.Count.ToString(CultureInfo.InvariantCulture),
                run.ValHypervolume.ToString("F5", CultureInfo.InvariantCulture),
                run.TestHypervolume.ToString("F5", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (result.Baseline.Count > 0)
        {
            var median = result.Baseline[ExperimentResult.Median(result.Baseline)];
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"random search, median run: test HV {median.TestHypervolume:F5} "
                + $"(ENCAS median: {result.Runs[result.MedianRun].TestHypervolume:F5})"));
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Runs.Count} runs in {result.Seconds:F1} s; wrote {Path.Combine(outDir, "summary.json")}, "
            + $"plot {Path.Combine(outDir, "front.png")}"));
    }
}
