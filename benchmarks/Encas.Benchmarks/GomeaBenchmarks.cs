using BenchmarkDotNet.Attributes;
using Encas.Gomea.Engine;
using Encas.Gomea.Problems;

namespace Encas.Benchmarks;

/// <summary>Whole MO-GOMEA runs in process (no process start-up), for the speed table of docs/gomea.md.</summary>
[MemoryDiagnoser]
public class GomeaBenchmarks
{
    [Benchmark(Description = "Zeromax-Onemax l=100 seed 1 to full front (18,181 evals)")]
    public long ZeromaxOnemax100() => Run(new ZeromaxOnemax(100), ZeromaxOnemax.ParetoFront(100));

    [Benchmark(Description = "Trap-5 l=100 seed 1 to full front (45,719 evals)")]
    public long TrapFive100() => Run(new TrapFive(100), TrapFive.ParetoFront(100));

    [Benchmark(Description = "Integer Zeromax-Onemax l=50 K=4 seed 1, 300k evals exact")]
    public long IntegerK4() =>
        Run(new IntegerZeromaxOnemax(GeneAlphabet.Uniform(50, 4)), null, 300_000, StopMode.Exact);

    private static long Run(
        IObjectiveFunction problem, double[][]? front, long budget = 10_000_000,
        StopMode stop = StopMode.EndOfGeneration)
    {
        var engine = new GomeaEngine(problem, new GomeaOptions
        {
            Seed = 1,
            MaxEvaluations = budget,
            StopMode = stop,
            TargetFront = front,
            StopWhenTargetFrontCovered = front is not null,
        });
        engine.Run();
        return engine.Evaluations;
    }
}
