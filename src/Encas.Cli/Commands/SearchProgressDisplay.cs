using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Encas.Core.Search;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary>
/// Shows a search's progress: on a terminal, a live bar per run with evaluations per second, archive size and
/// validation hypervolume; otherwise one line per run at every tenth of its budget.
/// </summary>
internal static class SearchProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing the run progress it reports.</summary>
    public static async Task<T> ShowAsync<T>(Func<IProgress<RunProgress>, Task<T>> work)
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
            return await work(plain);
        }

        T? result = default;
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
                result = await work(live);
            });
        return result!;
    }

    /// <summary>Prints the per-run table from the report's summary.json.</summary>
    public static void PrintSummary(string outDir, double seconds)
    {
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        int medianRun = root.GetProperty("median_run").GetInt32();
        var table = new Table().Border(TableBorder.Simple).AddColumn("run").AddColumn("seed")
            .AddColumn(new TableColumn("evaluations").RightAligned())
            .AddColumn(new TableColumn("front").RightAligned())
            .AddColumn(new TableColumn("val HV").RightAligned())
            .AddColumn(new TableColumn("test HV").RightAligned());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        foreach (var run in runs)
        {
            int index = run.GetProperty("run").GetInt32();
            table.AddRow(index == runs[medianRun].GetProperty("run").GetInt32() ? $"{index} (median)" : $"{index}",
                run.GetProperty("seed").ToString(), run.GetProperty("evaluations").ToString(),
                run.GetProperty("front").GetArrayLength().ToString(CultureInfo.InvariantCulture),
                Hv(run, "val_hypervolume"), Hv(run, "test_hypervolume"));
        }

        AnsiConsole.Write(table);
        if (root.TryGetProperty("baseline", out var baseline))
        {
            var median = baseline.GetProperty("runs")[baseline.GetProperty("median_run").GetInt32()];
            AnsiConsole.WriteLine($"random search, median run: test HV {Hv(median, "test_hypervolume")} "
                + $"(ENCAS median: {Hv(runs[medianRun], "test_hypervolume")})");
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs.Count} runs in {seconds:F1} s; wrote {Path.Combine(outDir, "summary.json")}, "
            + $"plot {Path.Combine(outDir, "front.png")}"));
    }

    private static string Hv(JsonElement run, string key) =>
        run.GetProperty(key).GetDouble().ToString("F5", CultureInfo.InvariantCulture);
}
