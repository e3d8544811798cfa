using Encas.Core.Cascades;

namespace Encas.Core.Sparse;

/// <summary>
/// Scores cascades from the certified sparse outputs, with the dense evaluator's results bit for bit. Per
/// sample it keeps, for every class listed by some applied model, a lower bound (the listed probabilities) and
/// an upper bound (plus the bound of each applied model that does not list it); unlisted classes lie in
/// [0, Σ bounds]. An exit is taken when some lower bound exceeds the stay limit, a stay when no upper bound does,
/// and a prediction when one class's lower bound beats every other class's upper bound (ties by index). When
/// the bounds cannot decide, that sample is recomputed exactly from the dense rows (memory-mapped halves or the
/// scaled int32 rows). Thread-safe.
/// </summary>
/// <remarks>
/// All arithmetic is on the exact scaled integers of <see cref="HalfScale"/>, so a certified decision is the
/// exact one. Reach counts per stage and the MFLOPs formula are the dense evaluator's. The first exit test uses
/// the dense per-model top tables, which are exact.
/// </remarks>
public sealed unsafe class SparseCascadeEvaluator : ICascadeScorer
{
    private readonly CascadeEvaluator _dense;
    private readonly SparseRows[] _rows;
    private readonly int _samples;
    private readonly int _classes;
    private readonly int _k;
    private long _continued;
    private long _fallbacks;

    internal SparseCascadeEvaluator(CascadeEvaluator dense, SparseRows[] rows)
    {
        _dense = dense;
        _rows = rows;
        _samples = dense.Split.Samples;
        _classes = dense.Split.Classes;
        _k = rows.Length > 0 ? rows[0].K : 1;
    }

    /// <inheritdoc />
    public int PoolModels => _dense.PoolModels;

    /// <summary>Samples, over all evaluations, that went past the first exit test.</summary>
    public long Continued => Interlocked.Read(ref _continued);

    /// <summary>Of those, samples the bounds could not decide, recomputed from the dense rows.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>Validates and scores a genome.</summary>
    public CascadeScore Evaluate(ReadOnlySpan<int> genome)
    {
        GenomeLayout.Validate(genome, PoolModels, "genome");
        return Evaluate(Phenotype.FromGenome(genome));
    }

    /// <inheritdoc />
    public CascadeScore Evaluate(Phenotype cascade)
    {
        int stages = cascade.Length;
        if (stages <= 1)
        {
            return _dense.Evaluate(cascade);
        }

        Span<int> limits = stackalloc int[GenomeLayout.MaxModels];
        Span<int> models = stackalloc int[GenomeLayout.MaxModels];
        for (int s = 0; s < stages; s++)
        {
            limits[s] = s == 0 ? int.MaxValue : HalfScale.StayLimit(cascade.ThresholdGene(s), s);
            models[s] = cascade.Model(s);
        }

        var set = new CandidateSet(stackalloc int[_classes], stackalloc int[GenomeLayout.MaxModels * _k],
            stackalloc int[GenomeLayout.MaxModels * _k], stackalloc int[GenomeLayout.MaxModels * _k], _classes);
        Span<int> reach = stackalloc int[GenomeLayout.MaxModels];
        int* scratch = stackalloc int[_classes];
        int[] top = _dense.TopOf(models[0]);
        ushort[] arg = _dense.ArgOf(models[0]);
        int[] labels = _dense.LabelTable;
        int wrong = 0;
        int continued = 0;
        int fallbacks = 0;
        for (int i = 0; i < _samples; i++)
        {
            // First exit test: exact from the dense top tables.
            if (top[i] > limits[1])
            {
                wrong += arg[i] != labels[i] ? 1 : 0;
                continue;
            }

            // Later stages from the bounds; -1 means they could not decide.
            continued++;
            int last = 1;
            int predicted = Walk(i, stages, limits, models, ref set, ref last);
            if (predicted < 0)
            {
                fallbacks++;
                predicted = Exact(i, stages, limits, models, scratch, out last);
            }

            for (int s = 1; s <= last; s++)
            {
                reach[s]++;
            }

            wrong += predicted != labels[i] ? 1 : 0;
        }

        Interlocked.Add(ref _continued, continued);
        Interlocked.Add(ref _fallbacks, fallbacks);
        var mflops = _dense.MflopsTable;
        double later = 0;
        for (int s = 1; s < stages; s++)
        {
            later += mflops[models[s]] * reach[s];
        }

        return new CascadeScore(100.0 * wrong / _samples, mflops[models[0]] + (later / _samples));
    }

    private int Walk(int i, int stages, Span<int> limits, Span<int> models, ref CandidateSet set, ref int last)
    {
        set.Clear();
        Merge(ref set, models[0], i);
        Merge(ref set, models[1], i);
        int predicted = -1;
        bool decided = true;
        for (int s = 2; s < stages; s++)
        {
            if (set.MaxLower() > limits[s])
            {
                break;
            }

            if (set.MaxUpper() > limits[s])
            {
                decided = false;
                break;
            }

            Merge(ref set, models[s], i);
            last = s;
        }

        if (decided)
        {
            predicted = set.CertifiedArgMax();
        }

        set.Reset();
        return predicted;
    }

    private void Merge(ref CandidateSet set, int model, int sample)
    {
        var rows = _rows[model];
        int start = sample * _k;
        int bound = rows.Bounds[sample];
        for (int j = 0; j < _k; j++)
        {
            int value = rows.Values[start + j];
            if (value < 0)
            {
                break;
            }

            set.Add(rows.Classes[start + j], value, bound);
        }

        set.AddBound(bound);
    }

    // The dense exact walk for one sample: same decisions as CascadeEvaluator's kernels.
    private int Exact(int i, int stages, Span<int> limits, Span<int> models, int* sum, out int last)
    {
        new Span<int>(sum, _classes).Clear();
        _dense.AddRow(models[0], i, sum, sum);
        _dense.AddRow(models[1], i, sum, sum);
        last = 1;
        for (int s = 2; s < stages; s++)
        {
            if (MaxArg(sum, _classes).Max > limits[s])
            {
                break;
            }

            _dense.AddRow(models[s], i, sum, sum);
            last = s;
        }

        return MaxArg(sum, _classes).Arg;
    }

    private static (int Max, int Arg) MaxArg(int* values, int count)
    {
        int best = 0;
        for (int c = 1; c < count; c++)
        {
            if (values[c] > values[best])
            {
                best = c;
            }
        }

        return (values[best], best);
    }
}
