using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// <summary>Staying samples below which an evaluation runs on the calling thread only.</summary>
    public const int ParallelMinSamples = 4096;

    // Layout of the per-part tallies: wrong, continued, fallbacks, agreed, then reach per stage.
    private const int TallyWrong = 0;
    private const int TallyContinued = 1;
    private const int TallyFallbacks = 2;
    private const int TallyAgreed = 3;
    private const int TallyReach = 4;
    private const int TallyLength = TallyReach + GenomeLayout.MaxModels;

    private readonly CascadeEvaluator _dense;
    private readonly SparseRows[] _rows;
    private readonly SparseTables _tables;
    private readonly int _samples;
    private readonly int _classes;
    private readonly int _k;
    private long _continued;
    private long _fallbacks;
    private long _agreed;

    internal SparseCascadeEvaluator(CascadeEvaluator dense, SparseRows[] rows)
    {
        _dense = dense;
        _rows = rows;
        _samples = dense.Split.Samples;
        _classes = dense.Split.Classes;
        _k = rows.Length > 0 ? rows[0].K : 1;
        _tables = SparseTables.Build(dense, rows);
    }

    /// <summary>
    /// Threads one evaluation may use (over blocks of samples) when at least <see cref="ParallelMinSamples"/>
    /// samples go past the first exit test; 1 (the default) keeps every evaluation on the calling thread.
    /// The result does not depend on it.
    /// </summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Of the samples that went past the first exit test, those decided by the agreement certificate
    /// (every applied model has the same top class) without touching the candidate sets.</summary>
    public long Agreed => Interlocked.Read(ref _agreed);

    /// <summary>The dense evaluator underneath.</summary>
    internal CascadeEvaluator Dense => _dense;

    /// <summary>The lookup tables built on top of the sparse rows.</summary>
    internal SparseTables Tables => _tables;

    /// <summary>Entries kept per model and sample.</summary>
    internal int K => _k;

    /// <summary>Bytes of the lookup tables built on top of the sparse rows.</summary>
    public long TableBytes => _tables.Bytes;

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

        // Samples that exit before the second model are counted from the tables; the rest are walked.
        int first = cascade.Model(0);
        int gene = cascade.ThresholdGene(1);
        ulong[] stay = _tables.Stay[first][gene];
        int words = _tables.Words;
        int parts = Parallelism > 1 && SparseTables.Count(stay, 0, words) >= ParallelMinSamples
            ? Math.Min(Parallelism, words) : 1;
        Span<int> totals = stackalloc int[TallyLength];
        if (parts == 1)
        {
            Score(cascade, stay, 0, words, totals);
        }
        else
        {
            var all = new int[parts * TallyLength];
            Parallel.For(0, parts, p => Score(cascade, stay, (int)((long)words * p / parts),
                (int)((long)words * (p + 1) / parts), all.AsSpan(p * TallyLength, TallyLength)));
            for (int p = 0; p < parts; p++)
            {
                for (int t = 0; t < TallyLength; t++)
                {
                    totals[t] += all[(p * TallyLength) + t];
                }
            }
        }

        Interlocked.Add(ref _continued, totals[TallyContinued]);
        Interlocked.Add(ref _fallbacks, totals[TallyFallbacks]);
        Interlocked.Add(ref _agreed, totals[TallyAgreed]);
        int wrong = _tables.ExitWrong[first][gene] + totals[TallyWrong];
        var mflops = _dense.MflopsTable;
        double later = 0;
        for (int s = 1; s < stages; s++)
        {
            later += mflops[cascade.Model(s)] * totals[TallyReach + s];
        }

        return new CascadeScore(100.0 * wrong / _samples, mflops[first] + (later / _samples));
    }

    // Walks the staying samples whose bits lie in words [from, to) and adds their tallies to `tally`.
    private void Score(Phenotype cascade, ulong[] stay, int from, int to, Span<int> tally)
    {
        int stages = cascade.Length;
        Span<int> limits = stackalloc int[GenomeLayout.MaxModels];
        Span<int> models = stackalloc int[GenomeLayout.MaxModels];
        for (int s = 0; s < stages; s++)
        {
            limits[s] = s == 0 ? int.MaxValue : HalfScale.StayLimit(cascade.ThresholdGene(s), s);
            models[s] = cascade.Model(s);
        }

        ulong[] row0 = _tables.Packed[models[0]];
        ulong[] row1 = _tables.Packed[models[1]];
        var set = new CandidateSet(stackalloc int[_classes], stackalloc int[GenomeLayout.MaxModels * _k],
            stackalloc int[GenomeLayout.MaxModels * _k], stackalloc int[GenomeLayout.MaxModels * _k], _classes);
        Span<int> reach = stackalloc int[GenomeLayout.MaxModels];
        int* scratch = stackalloc int[_classes];
        int[] labels = _dense.LabelTable;
        int wrong = 0;
        int continued = 0;
        int fallbacks = 0;
        int agreed = 0;
        for (int w = from; w < to; w++)
        {
            ulong bits = stay[w];
            while (bits != 0)
            {
                int i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                continued++;

                // Fast certificate: while every applied model has the same top class c, the sum's largest entry
                // is exactly Σ tops (every other class is at most Σ seconds ≤ Σ tops), and c is the unique argmax
                // when Σ tops > Σ seconds.
                int last = 1;
                int predicted = -1;
                ulong a = row0[i];
                ulong b = row1[i];
                int agreedClass = SparseTables.Class(a);
                if (SparseTables.Class(b) == agreedClass)
                {
                    int tops = SparseTables.Top(a) + SparseTables.Top(b);
                    int seconds = SparseTables.Second(a) + SparseTables.Second(b);
                    bool same = true;
                    for (int s = 2; s < stages && tops <= limits[s]; s++)
                    {
                        ulong next = _tables.Packed[models[s]][i];
                        if (SparseTables.Class(next) != agreedClass)
                        {
                            same = false;
                            break;
                        }

                        tops += SparseTables.Top(next);
                        seconds += SparseTables.Second(next);
                        last = s;
                    }

                    if (same && tops > seconds)
                    {
                        predicted = agreedClass;
                        agreed++;
                    }
                }

                // Otherwise the candidate-set bounds, and the dense rows when even those cannot decide.
                if (predicted < 0)
                {
                    last = 1;
                    predicted = Walk(i, stages, limits, models, ref set, ref last);
                    if (predicted < 0)
                    {
                        fallbacks++;
                        predicted = Exact(i, stages, limits, models, scratch, out last);
                    }
                }

                for (int s = 1; s <= last; s++)
                {
                    reach[s]++;
                }

                wrong += predicted != labels[i] ? 1 : 0;
            }
        }

        tally[TallyWrong] += wrong;
        tally[TallyContinued] += continued;
        tally[TallyFallbacks] += fallbacks;
        tally[TallyAgreed] += agreed;
        for (int s = 1; s < stages; s++)
        {
            tally[TallyReach + s] += reach[s];
        }
    }

    /// <summary>
    /// The exact maximum and first argmax of sample <paramref name="i"/>'s sum over <paramref name="models"/> (two
    /// or more): from the agreement certificate, else the tops certificate, else the candidate-set bounds when
    /// they pin the argmax class and its sum exactly, else the dense rows. Returns true when the dense rows were
    /// needed.
    /// </summary>
    internal bool SumMaxArg(int i, ReadOnlySpan<int> models, ref CandidateSet set, int* scratch, out int max,
        out int arg)
    {
        // All top classes equal: the sum's maximum is Σ tops; the class is the unique argmax when
        // Σ tops > Σ seconds.
        ulong first = _tables.Packed[models[0]][i];
        int agreedClass = SparseTables.Class(first);
        int tops = SparseTables.Top(first);
        int seconds = SparseTables.Second(first);
        bool same = true;
        for (int s = 1; s < models.Length && same; s++)
        {
            ulong next = _tables.Packed[models[s]][i];
            same = SparseTables.Class(next) == agreedClass;
            tops += SparseTables.Top(next);
            seconds += SparseTables.Second(next);
        }

        if (same && tops > seconds)
        {
            max = tops;
            arg = agreedClass;
            return false;
        }

        // Different top classes: the tops certificate (every model lists every applied model's top class).
        if (!same && TopsCertificate(i, models, out max, out arg))
        {
            return false;
        }

        // The bounds: a certified argmax whose sum every model lists.
        set.Clear();
        for (int s = 0; s < models.Length; s++)
        {
            Merge(ref set, models[s], i);
        }

        arg = set.CertifiedArgMax();
        max = 0;
        bool exact = arg >= 0 && set.TryExact(arg, out max);
        set.Reset();
        if (exact)
        {
            return false;
        }

        // The dense rows.
        new Span<int>(scratch, _classes).Clear();
        for (int s = 0; s < models.Length; s++)
        {
            _dense.AddRow(models[s], i, scratch, scratch);
        }

        (max, arg) = MaxArg(scratch, _classes);
        return true;
    }

    /// <summary>
    /// The tops certificate: the candidates are the applied models' top classes. When every model lists every
    /// candidate, the candidates' sums are exact; any other class is at most Σ seconds (in each model it is not
    /// the top class, so at most the second value). The best candidate (ties → lowest class) is then the exact
    /// maximum and first argmax when its sum exceeds Σ seconds. Returns false when it cannot decide.
    /// </summary>
    internal bool TopsCertificate(int i, ReadOnlySpan<int> models, out int max, out int arg)
    {
        int n = models.Length;
        Span<ulong> packed = stackalloc ulong[GenomeLayout.MaxModels];
        int seconds = 0;
        for (int s = 0; s < n; s++)
        {
            packed[s] = _tables.Packed[models[s]][i];
            seconds += SparseTables.Second(packed[s]);
        }

        max = -1;
        arg = int.MaxValue;
        for (int t = 0; t < n; t++)
        {
            int c = SparseTables.Class(packed[t]);
            bool seen = false;
            for (int u = 0; u < t && !seen; u++)
            {
                seen = SparseTables.Class(packed[u]) == c;
            }

            if (seen)
            {
                continue;
            }

            int sum = 0;
            for (int s = 0; s < n; s++)
            {
                int value = SparseTables.Class(packed[s]) == c ? SparseTables.Top(packed[s])
                    : Listed(models[s], i, c);
                if (value < 0)
                {
                    return false;
                }

                sum += value;
            }

            if (sum > max || (sum == max && c < arg))
            {
                max = sum;
                arg = c;
            }
        }

        return max > seconds;
    }

    /// <summary>The listed (exact) value of class <paramref name="c"/> in <paramref name="model"/>'s sparse row of
    /// sample <paramref name="i"/>, or -1 when not listed; eight classes compared at once when k = 8.</summary>
    internal int Listed(int model, int i, int c)
    {
        var rows = _rows[model];
        if (_k == 8 && Vector128.IsHardwareAccelerated)
        {
            var classes = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(rows.Classes), (nuint)i * 8);
            uint hits = Vector128.Equals(classes, Vector128.Create((ushort)c)).ExtractMostSignificantBits();

            // Unlisted entries hold class 0 and value -1, after every listed entry: the first hit decides.
            return hits == 0 ? -1 : rows.Values[(i * 8) + BitOperations.TrailingZeroCount(hits)];
        }

        return ListedScalar(model, i, c);
    }

    /// <summary>The scalar reference of <see cref="Listed"/>.</summary>
    internal int ListedScalar(int model, int i, int c)
    {
        var rows = _rows[model];
        int start = i * _k;
        for (int j = 0; j < _k; j++)
        {
            int value = rows.Values[start + j];
            if (value < 0)
            {
                return -1;
            }

            if (rows.Classes[start + j] == c)
            {
                return value;
            }
        }

        return -1;
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
