using BenchmarkDotNet.Attributes;
using Encas.Core.Cascades;
using Encas.Core.Pools;
using Encas.Core.Tests.Support;

namespace Encas.Benchmarks;

/// <summary>
/// Evaluations per second on the validation split of a pool (default: the Fashion-MNIST sample imported to
/// <c>out/fashion-pool</c>; override with ENCAS_BENCH_POOL): the SIMD kernel on one core and on all cores,
/// the kernel reading mapped halves (large pools), and the tests' scalar reference. Each operation scores <see
/// cref="Genomes"/> random genomes.
/// </summary>
[MemoryDiagnoser]
public class CascadeEvaluatorBenchmarks
{
    private const int Genomes = 2000;
    private Pool _pool = null!;
    private CascadeEvaluator _evaluator = null!;
    private CascadeEvaluator _halves = null!;
    private List<int[]> _genomes = null!;
    private CascadeScore[] _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        string path = Environment.GetEnvironmentVariable("ENCAS_BENCH_POOL") ?? FindDefaultPool();
        _pool = Pool.Open(path);
        _evaluator = new CascadeEvaluator(_pool.Val);
        _halves = new CascadeEvaluator(_pool.Val, scaledBudgetBytes: 0);
        _genomes = BenchGenomes.Random(1723, _pool.Models, Genomes);
        _results = new CascadeScore[Genomes];
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    [Benchmark(OperationsPerInvoke = Genomes, Description = "kernel, one core")]
    public double KernelOneCore()
    {
        double sum = 0;
        foreach (var genome in _genomes)
        {
            sum += _evaluator.Evaluate(Phenotype.FromGenome(genome)).ErrorPercent;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Genomes, Description = "kernel on mapped halves, one core")]
    public double HalvesOneCore()
    {
        double sum = 0;
        foreach (var genome in _genomes)
        {
            sum += _halves.Evaluate(Phenotype.FromGenome(genome)).ErrorPercent;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Genomes, Description = "kernel, all cores")]
    public void KernelAllCores() => _evaluator.EvaluateMany(_genomes, _results);

    [Benchmark(OperationsPerInvoke = 20, Description = "scalar reference, one core")]
    public double ScalarReference()
    {
        double sum = 0;
        for (int i = 0; i < 20; i++)
        {
            sum += ScalarReferenceEvaluator.Evaluate(_pool.Val, _genomes[i]).Error;
        }

        return sum;
    }

    private static string FindDefaultPool()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Encas.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "out", "fashion-pool");
    }
}
