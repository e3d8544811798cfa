using System.Globalization;
using System.Text;

namespace Encas.Gomea.Engine;

/// <summary>One line of the reference's <c>statistics.dat</c>: a population step that was run.</summary>
/// <param name="Generation">The population's step count before this step (0 for its initialisation).</param>
/// <param name="PopulationSize">The population's size.</param>
/// <param name="Evaluations">The evaluation count after the step.</param>
/// <param name="ClusterCount">The population's number of clusters.</param>
public sealed record PopulationStep(int Generation, int PopulationSize, long Evaluations, int ClusterCount)
{
    /// <summary>The header line the reference writes at the top of the file.</summary>
    public const string Header = "# Generation  Population  Evaluations   [ Cluster_Index ]";

    /// <summary>Formats the step exactly as the reference writes it (no line terminator).</summary>
    /// <returns>The line.</returns>
    public string ToStatisticsLine()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {Generation,10} {PopulationSize,10} {Evaluations,11}     [ ");
        for (int i = 0; i < ClusterCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i,4}");
            if (i < ClusterCount - 1)
            {
                text.Append(' ');
            }
        }

        text.Append(" ]");
        return text.ToString();
    }
}
