using Encas.Core.Search;
using ScottPlot;

namespace Encas.Reports;

/// <summary>The PNG plots of an experiment, drawn with ScottPlot.</summary>
public static class ExperimentPlots
{
    private const int Width = 1000;
    private const int Height = 650;

    /// <summary>
    /// Test accuracy against test MFLOPs: the median run's front, the band between the best and the worst run,
    /// the random baseline's median front when there is one, and every pool model alone.
    /// </summary>
    public static void Front(ExperimentResult result, string path, bool logCompute)
    {
        var plot = new Plot();
        Func<double, double> x = logCompute ? v => Math.Log10(Math.Max(v, 1e-6)) : v => v;
        var (levels, low, high) = TestEnvelope.Band(result.Runs);
        if (levels.Length > 0)
        {
            var band = plot.Add.FillY(levels.Select(x).ToArray(), low, high);
            band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
            band.LegendText = $"best–worst of {result.Runs.Count} runs";
        }

        var median = result.Runs[result.MedianRun].Front;
        var line = plot.Add.Scatter(median.Select(p => x(p.Test.Mflops)).ToArray(),
            median.Select(p => 100 - p.Test.ErrorPercent).ToArray());
        line.Color = Colors.SteelBlue;
        line.LineWidth = 2;
        line.MarkerSize = 5;
        line.LegendText = $"ENCAS, median run ({result.MedianRun})";
        if (result.Baseline.Count > 0)
        {
            var random = result.Baseline[ExperimentResult.Median(result.Baseline)].Front;
            var dashed = plot.Add.Scatter(random.Select(p => x(p.Test.Mflops)).ToArray(),
                random.Select(p => 100 - p.Test.ErrorPercent).ToArray());
            dashed.Color = Colors.DarkOrange;
            dashed.LinePattern = LinePattern.Dashed;
            dashed.MarkerSize = 3;
            dashed.LegendText = "random search, median run";
        }

        var models = plot.Add.Markers(result.PoolModels.Select(p => x(p.Test.Mflops)).ToArray(),
            result.PoolModels.Select(p => 100 - p.Test.ErrorPercent).ToArray());
        models.Color = Colors.Black;
        models.MarkerSize = 6;
        models.MarkerShape = MarkerShape.OpenCircle;
        models.LegendText = "pool models alone";
        plot.Title("Test accuracy vs compute");
        plot.YLabel("test top-1 accuracy (%)");
        plot.XLabel(logCompute ? "expected test MFLOPs per sample (log scale)" : "expected test MFLOPs per sample");
        if (logCompute)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Validation hypervolume of the archive over charged evaluations, one line per run.</summary>
    public static void Hypervolume(ExperimentResult result, string path)
    {
        var plot = new Plot();
        AddTraces(plot, result.Runs, Colors.SteelBlue, "ENCAS");
        AddTraces(plot, result.Baseline, Colors.DarkOrange, "random search");
        plot.Title("Validation hypervolume over evaluations");
        plot.XLabel("charged evaluations");
        plot.YLabel("normalised hypervolume (validation)");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }

    private static void AddTraces(Plot plot, IReadOnlyList<RunResult> runs, Color color, string label)
    {
        for (int r = 0; r < runs.Count; r++)
        {
            var trace = runs[r].Trace;
            var line = plot.Add.Scatter(trace.Select(t => (double)t.Evaluations).ToArray(),
                trace.Select(t => t.ValHypervolume).ToArray());
            line.Color = color.WithAlpha(0.7);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.LegendText = r == 0 ? $"{label} ({runs.Count} runs)" : string.Empty;
        }
    }
}
