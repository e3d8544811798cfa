using System.Globalization;
using System.Text;
using Encas.Core.Search;

namespace Encas.Core.Reports;

/// <summary>CSV forms of fronts, archives and traces (invariant culture, round-trip numbers).</summary>
public static class FrontCsv
{
    /// <summary>A front: genome genes g0…g8, then the scores on both splits.</summary>
    public static string Points(IEnumerable<CascadePoint> points, IReadOnlyList<string>? modelNames = null)
    {
        var text = new StringBuilder("g0,g1,g2,g3,g4,g5,g6,g7,g8,val_error,val_mflops,test_error,test_mflops");
        text.Append(modelNames is null ? "\n" : ",models\n");
        foreach (var p in points)
        {
            text.Append(string.Join(',', p.Genome)).Append(',')
                .Append(Number(p.Val.ErrorPercent)).Append(',').Append(Number(p.Val.Mflops)).Append(',')
                .Append(Number(p.Test.ErrorPercent)).Append(',').Append(Number(p.Test.Mflops));
            if (modelNames is not null)
            {
                var names = p.Genome.Take(5).Where(g => g > 0).Select(g => modelNames[g - 1]);
                text.Append(',').Append(string.Join(" > ", names));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>An archive scored on validation only.</summary>
    public static string Archive(IEnumerable<(int[] Genome, Cascades.CascadeScore Val)> archive)
    {
        var text = new StringBuilder("g0,g1,g2,g3,g4,g5,g6,g7,g8,val_error,val_mflops\n");
        foreach (var (genome, val) in archive)
        {
            text.Append(string.Join(',', genome)).Append(',').Append(Number(val.ErrorPercent)).Append(',')
                .Append(Number(val.Mflops)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Hypervolume over evaluations.</summary>
    public static string Trace(IEnumerable<TracePoint> trace)
    {
        var text = new StringBuilder("evaluations,val_hypervolume,archive_size\n");
        foreach (var t in trace)
        {
            text.Append(t.Evaluations.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(t.ValHypervolume)).Append(',')
                .Append(t.FrontSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
