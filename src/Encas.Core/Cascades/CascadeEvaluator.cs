using System.Numerics;
using System.Runtime.CompilerServices;
using Encas.Core.Pools;

namespace Encas.Core.Cascades;

/// <summary>
/// Scores cascades on one pool split exactly (DESIGN §4) and fast. Per model it precomputes each sample's
/// top probability and top class, so a sample that exits before the second model costs one comparison;
/// samples that go on are summed in exact scaled integers. Thread-safe: one instance serves all cores, and
/// an evaluation allocates nothing. Expected MFLOPs are computed as <c>cost(first) + Σ cost(s) · reach(s) / N</c>
/// over the later stages, summed in stage order.
/// </summary>
public sealed unsafe partial class CascadeEvaluator
{
    private const int MaxClasses = 16_384;

    /// <summary>Largest pool (bytes of scaled int32 rows per split) kept in the SIMD-friendly form.</summary>
    private const long ScaledBudgetBytes = 1L << 30;

    private readonly PoolSplit _split;
    private readonly int _samples;
    private readonly int _classes;
    private readonly int[] _labels;
    private readonly double[] _mflops;
    private readonly int[][] _top;
    private readonly ushort[][] _arg;
    private readonly int[] _wrongAlone;
    private readonly int[][]? _scaled;
    private readonly int _stride;

    /// <summary>Prepares the per-model tables of <paramref name="split"/> (one pass over its outputs).</summary>
    public CascadeEvaluator(PoolSplit split) : this(split, ScaledBudgetBytes)
    {
    }

    /// <summary>
    /// Prepares the tables; when the split's outputs fit <paramref name="scaledBudgetBytes"/> as int32 rows padded
    /// to the vector width they are kept so (summed with SIMD), otherwise halves are read from the mapped file.
    /// </summary>
    internal CascadeEvaluator(PoolSplit split, long scaledBudgetBytes)
    {
        if (split.Classes > MaxClasses || split.Models > ushort.MaxValue)
        {
            throw new ArgumentException(
                $"pool too large for the dense evaluator: {split.Models} models × {split.Classes} classes");
        }

        _split = split;
        _samples = split.Samples;
        _classes = split.Classes;
        _labels = split.Labels;
        _mflops = split.Mflops;
        _top = new int[split.Models][];
        _arg = new ushort[split.Models][];
        _wrongAlone = new int[split.Models];
        for (int m = 0; m < split.Models; m++)
        {
            PrepareModel(m);
        }

        _stride = (_classes + Vector<int>.Count - 1) / Vector<int>.Count * Vector<int>.Count;
        if ((long)split.Models * _samples * _stride * sizeof(int) <= scaledBudgetBytes)
        {
            _scaled = new int[split.Models][];
            for (int m = 0; m < split.Models; m++)
            {
                _scaled[m] = ScaleModel(m);
            }
        }
    }

    // Tables given (from the certified sparse rows, whose first entry is each row's exact top value and first
    // argmax), so the dense outputs are not read here; rows are then summed from the mapped halves.
    private CascadeEvaluator(PoolSplit split, int[][] top, ushort[][] arg)
    {
        _split = split;
        _samples = split.Samples;
        _classes = split.Classes;
        _labels = split.Labels;
        _mflops = split.Mflops;
        _top = top;
        _arg = arg;
        _wrongAlone = new int[split.Models];
        for (int m = 0; m < split.Models; m++)
        {
            for (int i = 0; i < _samples; i++)
            {
                _wrongAlone[m] += arg[m][i] != _labels[i] ? 1 : 0;
            }
        }

        _stride = (_classes + Vector<int>.Count - 1) / Vector<int>.Count * Vector<int>.Count;
    }

    /// <summary>
    /// An evaluator whose per-model top tables are given (they must be the exact top value and first argmax of
    /// every row); it reads the dense outputs only when a cascade needs a row summed.
    /// </summary>
    internal static CascadeEvaluator FromTopTables(PoolSplit split, int[][] top, ushort[][] arg)
    {
        if (split.Classes > MaxClasses || split.Models > ushort.MaxValue || top.Length != split.Models
            || arg.Length != split.Models)
        {
            throw new ArgumentException($"top tables do not fit the split: {split.Models} models × {split.Classes}");
        }

        return new CascadeEvaluator(split, top, arg);
    }

    /// <summary>Whether the SIMD path over scaled int32 rows is in use.</summary>
    internal bool UsesScaledRows => _scaled is not null;

    /// <summary>Number of pool models.</summary>
    public int PoolModels => _split.Models;

    /// <summary>The split this evaluator scores on.</summary>
    public PoolSplit Split => _split;

    /// <summary>Validates and scores a genome.</summary>
    public CascadeScore Evaluate(ReadOnlySpan<int> genome)
    {
        GenomeLayout.Validate(genome, PoolModels, "genome");
        return Evaluate(Phenotype.FromGenome(genome));
    }

    /// <summary>Scores a canonical cascade.</summary>
    public CascadeScore Evaluate(Phenotype cascade)
    {
        int stages = cascade.Length;
        if (stages == 0)
        {
            return CascadeScore.Penalty;
        }

        int first = cascade.Model(0);
        if (stages == 1)
        {
            return new CascadeScore(100.0 * _wrongAlone[first] / _samples, _mflops[first]);
        }

        Span<int> reach = stackalloc int[GenomeLayout.MaxModels];
        int wrong = CountErrors(cascade, reach);
        double later = 0;
        for (int s = 1; s < stages; s++)
        {
            later += _mflops[cascade.Model(s)] * reach[s];
        }

        return new CascadeScore(100.0 * wrong / _samples, _mflops[first] + (later / _samples));
    }

    /// <summary>
    /// Scores many genomes across up to <paramref name="maxDegree"/> cores (all when ≤ 0); the results are
    /// the same as one by one, in order.
    /// </summary>
    public void EvaluateMany(IReadOnlyList<int[]> genomes, Span<CascadeScore> results, int maxDegree = 0)
    {
        if (results.Length < genomes.Count)
        {
            throw new ArgumentException("results is shorter than genomes", nameof(results));
        }

        for (int i = 0; i < genomes.Count; i++)
        {
            GenomeLayout.Validate(genomes[i], PoolModels, $"genome {i + 1}");
        }

        var output = new CascadeScore[genomes.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegree > 0 ? maxDegree : -1 };
        Parallel.For(0, genomes.Count, options, i => output[i] = Evaluate(Phenotype.FromGenome(genomes[i])));
        output.CopyTo(results);
    }

    private int CountErrors(Phenotype cascade, Span<int> reach) =>
        _scaled is null ? CountErrorsFromHalves(cascade, reach) : CountErrorsScaled(cascade, reach);

    private int CountErrorsFromHalves(Phenotype cascade, Span<int> reach)
    {
        int stages = cascade.Length;
        int* limits = stackalloc int[GenomeLayout.MaxModels];
        Half** rows = stackalloc Half*[GenomeLayout.MaxModels];
        for (int s = 0; s < stages; s++)
        {
            limits[s] = s == 0 ? int.MaxValue : HalfScale.StayLimit(cascade.ThresholdGene(s), s);
            rows[s] = _split.Outputs[cascade.Model(s)].Data;
        }

        int first = cascade.Model(0);
        int[] top = _top[first];
        ushort[] arg = _arg[first];
        int[] table = HalfScale.Table;
        int classes = _classes;
        int* sum = stackalloc int[classes];
        int wrong = 0;
        for (int i = 0; i < _samples; i++)
        {
            int predicted;
            if (top[i] > limits[1])
            {
                predicted = arg[i];
            }
            else
            {
                long offset = (long)i * classes;
                ushort* a = (ushort*)rows[0] + offset;
                ushort* b = (ushort*)rows[1] + offset;
                for (int c = 0; c < classes; c++)
                {
                    sum[c] = table[a[c]] + table[b[c]];
                }

                reach[1]++;
                for (int s = 2; s < stages; s++)
                {
                    if (Max(sum, classes) > limits[s])
                    {
                        break;
                    }

                    ushort* next = (ushort*)rows[s] + offset;
                    for (int c = 0; c < classes; c++)
                    {
                        sum[c] += table[next[c]];
                    }

                    reach[s]++;
                }

                predicted = ArgMax(sum, classes);
            }

            wrong += predicted != _labels[i] ? 1 : 0;
        }

        return wrong;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Max(int* values, int count)
    {
        int best = values[0];
        for (int c = 1; c < count; c++)
        {
            best = Math.Max(best, values[c]);
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ArgMax(int* values, int count)
    {
        int best = 0;
        for (int c = 1; c < count; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return best;
    }

    private void PrepareModel(int model)
    {
        var top = new int[_samples];
        var arg = new ushort[_samples];
        var table = HalfScale.Table;
        var data = (ushort*)_split.Outputs[model].Data;
        int wrong = 0;
        for (int i = 0; i < _samples; i++)
        {
            ushort* row = data + ((long)i * _classes);
            int best = 0;
            for (int c = 1; c < _classes; c++)
            {
                if (table[row[c]] > table[row[best]])
                {
                    best = c;
                }
            }

            top[i] = table[row[best]];
            arg[i] = (ushort)best;
            wrong += best != _labels[i] ? 1 : 0;
        }

        _top[model] = top;
        _arg[model] = arg;
        _wrongAlone[model] = wrong;
    }
}
