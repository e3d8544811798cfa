using System.Numerics;
using Encas.Core.Cascades;

namespace Encas.Core.Sparse;

/// <summary>
/// Scores cascades with the dense evaluator's results bit for bit, mostly with bit-set arithmetic. The sum of a
/// sample's rows over a tuple of models does not depend on the thresholds, so per model tuple (each prefix of a
/// cascade) it keeps a <see cref="ModelPrefixTable"/>: per sample the lowest threshold gene at which the sample
/// stays and whether the sum's argmax is wrong. A cascade is then scored stage by stage on bit sets: the samples
/// still in the cascade, those that stay (a byte comparison per sample, <see cref="StayMask"/>), and the errors of
/// those that leave (a popcount). Only table entries no cascade has needed before are computed, exactly: the
/// agreement certificate, the candidate-set bounds, or the dense rows (see <see cref="SparseCascadeEvaluator"/>).
/// MO-GOMEA varies thresholds far more often than model tuples, so most evaluations compute few or no entries.
/// Not thread-safe: give each search thread its own (they share the sparse evaluator's read-only tables).
/// </summary>
/// <remarks>
/// Exactness: a table entry holds the exact maximum's position among the 51 stay limits with as many models used
/// as the tuple holds (<see cref="HalfScale.StayLimit"/>) and the exact first argmax, so each exit decision and
/// each prediction is the dense one; reach counts are popcounts of the same sample sets and MFLOPs use the dense
/// formula and summation order.
/// </remarks>
public sealed unsafe class PrefixTableEvaluator : ICascadeScorer, IDisposable
{
    // Words per chunk of a parallel fill (256 samples).
    private const int ChunkWords = 4;

    /// <summary>The default table budget: 1 GiB.</summary>
    public const long DefaultBudgetBytes = 1L << 30;

    /// <summary>Entries to compute below which a table is filled on the calling thread only.</summary>
    public const int ParallelMinEntries = 256;

    private readonly SparseCascadeEvaluator _sparse;
    private readonly CascadeEvaluator _dense;
    private readonly SparseTables _tables;
    private readonly ModelPrefixCache _cache;
    private readonly int _samples;
    private readonly int _words;
    private readonly ulong[] _all;
    private readonly ulong[] _reach;
    private readonly int[] _tuple = new int[GenomeLayout.MaxModels];
    private readonly long[] _partCounts = new long[2 * 64];
    private readonly TupleKernel? _kernel;
    private FillCrew? _crew;

    /// <summary>Builds on <paramref name="sparse"/> with tables of at most <paramref name="budgetBytes"/>.</summary>
    public PrefixTableEvaluator(SparseCascadeEvaluator sparse, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(sparse);
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        _sparse = sparse;
        _dense = sparse.Dense;
        _tables = sparse.Tables;
        _samples = _dense.Split.Samples;
        _words = _tables.Words;
        _cache = new ModelPrefixCache(budgetBytes, _words);
        _all = new ulong[_words];
        for (int i = 0; i < _samples; i++)
        {
            _all[i >> 6] |= 1UL << (i & 63);
        }

        _reach = new ulong[_words];
        _kernel = TupleKernel.IsSupported(_tables) ? new TupleKernel() : null;
    }

    /// <inheritdoc />
    public int PoolModels => _dense.PoolModels;

    /// <summary>Threads a table fill may use (over chunks of 256 samples, on dedicated helper threads that
    /// <see cref="Dispose"/> stops); the result does not depend on it.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Table lookups that found the model tuple's table.</summary>
    public long TableHits => _cache.Hits;

    /// <summary>Table lookups that started a new table.</summary>
    public long TableMisses => _cache.Misses;

    /// <summary>Bytes held by the tables now.</summary>
    public long TableBytes => _cache.Bytes;

    /// <summary>Table entries computed (sample × model tuple).</summary>
    public long Computed { get; private set; }

    /// <summary>Of those, entries the bounds could not decide, computed from the dense rows.</summary>
    public long Fallbacks { get; private set; }

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

        for (int s = 0; s < stages; s++)
        {
            _tuple[s] = cascade.Model(s);
        }

        // Stage by stage: who leaves before stage s (and how many of them are wrong), who stays.
        ulong[] reach = _reach;
        _all.CopyTo(reach, 0);
        Span<int> reached = stackalloc int[GenomeLayout.MaxModels];
        int wrong = 0;
        int alive = _samples;
        for (int s = 1; s < stages && alive > 0; s++)
        {
            var table = s == 1 ? _tables.First[_tuple[0]] : Prepare(s);
            byte gene = (byte)cascade.ThresholdGene(s);
            alive = 0;
            for (int w = 0; w < _words; w++)
            {
                ulong r = reach[w];
                if (r == 0)
                {
                    continue;
                }

                ulong stay = StayMask.Word(table.Gene.AsSpan(w * 64, 64), gene);
                wrong += BitOperations.PopCount(r & ~stay & table.Wrong[w]);
                r &= stay;
                reach[w] = r;
                alive += BitOperations.PopCount(r);
            }

            reached[s] = alive;
        }

        // The samples that ran the last model are scored by the whole tuple's argmax.
        if (alive > 0)
        {
            var last = Prepare(stages);
            for (int w = 0; w < _words; w++)
            {
                wrong += BitOperations.PopCount(reach[w] & last.Wrong[w]);
            }
        }

        var mflops = _dense.MflopsTable;
        double later = 0;
        for (int s = 1; s < stages; s++)
        {
            later += mflops[_tuple[s]] * reached[s];
        }

        return new CascadeScore(100.0 * wrong / _samples, mflops[_tuple[0]] + (later / _samples));
    }

    // The table of the first `length` models of _tuple, with an entry for every sample in _reach.
    private ModelPrefixTable Prepare(int length)
    {
        UInt128 key = (uint)length;
        for (int s = 0; s < length; s++)
        {
            key |= (UInt128)(uint)_tuple[s] << (8 + (16 * s));
        }

        var table = _cache.Get(key);
        int missing = 0;
        for (int w = 0; w < _words; w++)
        {
            missing += BitOperations.PopCount(_reach[w] & ~table.Known[w]);
        }

        if (missing == 0)
        {
            return table;
        }

        _kernel?.Bind(_tables, _tuple.AsSpan(0, length));
        int workers = Parallelism > 1 && missing >= ParallelMinEntries ? Math.Min(Parallelism, 64) : 1;
        Array.Clear(_partCounts, 0, 2 * workers);
        if (workers == 1)
        {
            Fill(table, length, 0, _words, 0);
        }
        else
        {
            if (_crew?.Workers != workers)
            {
                _crew?.Dispose();
                _crew = new FillCrew(workers - 1);
            }

            _crew.Run((_words + ChunkWords - 1) / ChunkWords, (chunk, worker) => Fill(table, length,
                chunk * ChunkWords, Math.Min(_words, (chunk + 1) * ChunkWords), worker));
        }

        for (int p = 0; p < workers; p++)
        {
            Computed += _partCounts[2 * p];
            Fallbacks += _partCounts[(2 * p) + 1];
        }

        return table;
    }

    // Computes the missing entries of words [from, to); the counts are added to worker `part`'s tallies.
    private void Fill(ModelPrefixTable table, int length, int from, int to, int part)
    {
        ReadOnlySpan<int> models = _tuple.AsSpan(0, length);
        int classes = _dense.Split.Classes;
        int k = _sparse.K;
        var set = new CandidateSet(stackalloc int[classes], stackalloc int[GenomeLayout.MaxModels * k],
            stackalloc int[GenomeLayout.MaxModels * k], stackalloc int[GenomeLayout.MaxModels * k], classes);
        int* scratch = stackalloc int[classes];
        int[] labels = _dense.LabelTable;
        long computed = 0;
        long fallbacks = 0;
        for (int w = from; w < to; w++)
        {
            ulong need = _reach[w] & ~table.Known[w];
            ulong wrongBits = 0;
            ulong todo = need;
            while (todo != 0)
            {
                int bit = BitOperations.TrailingZeroCount(todo);
                todo &= todo - 1;
                int i = (w << 6) + bit;
                int max;
                int arg;
                if (_kernel is null || !_kernel.TrySumMaxArg(i, out max, out arg))
                {
                    if (_sparse.SumMaxArg(i, models, ref set, scratch, out max, out arg))
                    {
                        fallbacks++;
                    }
                }

                table.Gene[i] = (byte)LowestStayingGene(max, length);
                wrongBits |= arg != labels[i] ? 1UL << bit : 0;
                computed++;
            }

            table.Wrong[w] = (table.Wrong[w] & ~need) | wrongBits;
            table.Known[w] |= need;
        }

        _partCounts[2 * part] += computed;
        _partCounts[(2 * part) + 1] += fallbacks;
    }

    /// <summary>Stops the fill helper threads, if any were started.</summary>
    public void Dispose()
    {
        _crew?.Dispose();
        _crew = null;
    }

    /// <summary>The smallest gene g with <c>max ≤ StayLimit(g, used)</c>: the sample stays exactly when the
    /// threshold gene is at least this.</summary>
    /// <remarks>StayLimit(g, used) = ⌊g · used · One / 50⌋ ≥ max ⇔ g · used · One ≥ 50 · max (max is an
    /// integer), so g = ⌈50 · max / (used · One)⌉, clamped to the genes.</remarks>
    internal static int LowestStayingGene(int max, int used)
    {
        long scale = used * HalfScale.One;
        long g = ((GenomeLayout.ThresholdLevels * (long)max) + scale - 1) / scale;
        return (int)Math.Clamp(g, 0, GenomeLayout.ThresholdLevels);
    }
}
