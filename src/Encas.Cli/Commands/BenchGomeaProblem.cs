using System.Globalization;
using Encas.Gomea.Problems;

namespace Encas.Cli.Commands;

/// <summary>
/// Builds the benchmark problem of <c>encas bench gomea</c> together with its known or reference front.
/// </summary>
internal sealed class BenchGomeaProblem
{
    public static readonly string[] Names =
        ["zeromax-onemax", "trap5", "lotz", "maxcut", "knapsack", "int-zeromax-onemax"];

    private BenchGomeaProblem(IObjectiveFunction function, double[][]? front, bool stopAtFront)
    {
        Function = function;
        Front = front;
        StopAtFront = stopAtFront;
    }

    public IObjectiveFunction Function { get; }

    /// <summary>The known front, or the reference front from the instance folder; null when there is none.</summary>
    public double[][]? Front { get; }

    /// <summary>Whether the reference stops this problem once the archive holds the whole front.</summary>
    public bool StopAtFront { get; }

    /// <summary>For the integer problem: records when the last front point was first evaluated.</summary>
    public FrontDiscoveryRecorder? Recorder { get; private init; }

    public static BenchGomeaProblem Create(BenchGomeaSettings s)
    {
        int l = s.Length;
        switch (s.Problem)
        {
            case "zeromax-onemax":
                return new BenchGomeaProblem(new ZeromaxOnemax(l), ZeromaxOnemax.ParetoFront(l), true);
            case "trap5":
                if (l % 5 != 0)
                {
                    throw new UserInputException($"--length {l}: trap5 needs a multiple of 5");
                }

                return new BenchGomeaProblem(new TrapFive(l), TrapFive.ParetoFront(l), true);
            case "lotz":
                return new BenchGomeaProblem(
                    new LeadingOnesTrailingZeros(l), LeadingOnesTrailingZeros.ParetoFront(l), true);
            case "maxcut":
                return CreateMaxcut(s);
            case "knapsack":
                return CreateKnapsack(s);
            default:
                var integer = new IntegerZeromaxOnemax(ReadAlphabet(s));
                var recorder = new FrontDiscoveryRecorder(integer, integer.ParetoFront());
                return new BenchGomeaProblem(recorder, integer.ParetoFront(), false) { Recorder = recorder };
        }
    }

    private static BenchGomeaProblem CreateMaxcut(BenchGomeaSettings s)
    {
        string folder = Path.Combine(s.Instances, "maxcut");
        var graphs = new[]
        {
            MaxcutInstance.Read(Path.Combine(folder, $"maxcut_instance_{s.Length}_0.txt"), s.Length),
            MaxcutInstance.Read(Path.Combine(folder, $"maxcut_instance_{s.Length}_1.txt"), s.Length),
        };
        string frontFile = Path.Combine(folder, $"maxcut_pareto_front_{s.Length}.txt");
        double[][]? front = File.Exists(frontFile) ? ReferenceFront.Read(frontFile) : null;
        return new BenchGomeaProblem(new Maxcut(graphs), front, false);
    }

    private static BenchGomeaProblem CreateKnapsack(BenchGomeaSettings s)
    {
        string folder = Path.Combine(s.Instances, "knapsack");
        KnapsackInstance instance = KnapsackInstance.Read(Path.Combine(folder, $"knapsack.{s.Length}.2.txt"), s.Length);
        string frontFile = Path.Combine(folder, $"knapsack.{s.Length}.2.pareto");
        double[][]? front = File.Exists(frontFile) ? ReferenceFront.Read(frontFile) : null;
        return new BenchGomeaProblem(new Knapsack(instance, s.Repair), front, false);
    }

    private static GeneAlphabet ReadAlphabet(BenchGomeaSettings s)
    {
        int[] upper = ReadBounds(s.Alphabet, s.Length, "--alphabet");
        int[] lower = ReadBounds(s.LowerBounds, s.Length, "--lower-bounds");
        for (int j = 0; j < s.Length; j++)
        {
            if (upper[j] - lower[j] < 1)
            {
                throw new UserInputException(
                    $"gene {j}: alphabet upper bound {upper[j]} is not above lower bound {lower[j]}");
            }
        }

        return new GeneAlphabet(lower, upper);
    }

    private static int[] ReadBounds(string value, int length, string option)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int single))
        {
            return Enumerable.Repeat(single, length).ToArray();
        }

        return ReferenceFront.ReadIntegers(value, length);
    }
}
