namespace Encas.Core.Cascades;

/// <summary>
/// Scores cascades exactly like <see cref="CascadeEvaluator"/> (same error and the same MFLOPs double) but
/// keeps the state each cascade prefix leaves behind (<see cref="PrefixState"/>) in an LRU cache within a
/// memory budget, so a cascade whose first stages were seen before only runs its later stages. MO-GOMEA's
/// mixing changes a few genes of a parent at a time, so consecutive evaluations share prefixes often.
/// Not thread-safe: give each search thread its own.
/// </summary>
/// <remarks>
/// The sums are the dense evaluator's exact scaled integers (<see cref="HalfScale"/>); each exit test compares
/// the kept maximum with the same stay limit, and each prediction is the first argmax of the same sum, so every
/// decision is the dense one. Reach counts are kept per stage and MFLOPs are summed in stage order with the
/// dense formula, so the result is bit-identical.
/// </remarks>
public sealed unsafe class StageCacheEvaluator : ICascadeScorer
{
    /// <summary>The default cache budget: 2 GiB.</summary>
    public const long DefaultBudgetBytes = 2L << 30;

    private readonly CascadeEvaluator _dense;
    private readonly PrefixCache _cache;
    private readonly int _samples;
    private readonly int _classes;
    private readonly PrefixState[] _scratch;
    private readonly int[] _zeros;

    /// <summary>Builds on the tables of <paramref name="dense"/> with a cache of at most <paramref
    /// name="budgetBytes"/>.</summary>
    public StageCacheEvaluator(CascadeEvaluator dense, long budgetBytes = DefaultBudgetBytes)
    {
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        _dense = dense;
        _cache = new PrefixCache(budgetBytes);
        _samples = dense.Split.Samples;
        _classes = dense.Split.Classes;
        _zeros = new int[_classes];
        _scratch = new PrefixState[2];
        for (int k = 0; k < 2; k++)
        {
            _scratch[k] = new PrefixState(new int[_samples], GC.AllocateArray<int>(_samples * _classes, pinned: true),
                new int[_samples], new int[_samples], 0, _classes);
        }
    }

    /// <summary>Evaluations that started from a cached prefix.</summary>
    public long Hits { get; private set; }

    /// <summary>Evaluations of two or more stages that found no cached prefix.</summary>
    public long Misses { get; private set; }

    /// <summary>Bytes the cache holds now.</summary>
    public long CacheBytes => _cache.Bytes;

    /// <summary>Largest number of bytes the cache has held.</summary>
    public long PeakCacheBytes => _cache.PeakBytes;

    /// <summary>Number of pool models.</summary>
    public int PoolModels => _dense.PoolModels;

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
        if (stages <= 1)
        {
            return _dense.Evaluate(cascade);
        }

        // Longest cached prefix that ends before the last stage.
        PrefixState? state = null;
        int start = 1;
        for (int length = stages - 1; length >= 2; length--)
        {
            if (_cache.TryGet(cascade.PrefixKey(length), out var found))
            {
                state = found;
                start = length;
                break;
            }
        }

        if (state is null)
        {
            Misses++;
        }
        else
        {
            Hits++;
        }

        // Run the remaining stages, keeping every intermediate state the budget allows.
        Span<int> reach = stackalloc int[GenomeLayout.MaxModels];
        state?.Reach.AsSpan().CopyTo(reach);
        int wrong = state?.Wrong ?? 0;
        for (int s = start; s < stages; s++)
        {
            int limit = HalfScale.StayLimit(cascade.ThresholdGene(s), s);
            if (s == stages - 1)
            {
                wrong += Finish(cascade, state, cascade.Model(s), limit, out reach[s]);
                break;
            }

            var next = _scratch[s & 1];
            Advance(cascade, state, cascade.Model(s), limit, next);
            wrong += next.Wrong;
            reach[s] = next.Count;
            next.Wrong = wrong;
            reach.CopyTo(next.Reach);
            state = next;
            if (_cache.Fits(next.Bytes))
            {
                state = next.Compact();
                _cache.Add(cascade.PrefixKey(s + 1), state);
            }
        }

        // Objectives with the dense evaluator's formula and summation order.
        var mflops = _dense.MflopsTable;
        double later = 0;
        for (int s = 1; s < stages; s++)
        {
            later += mflops[cascade.Model(s)] * reach[s];
        }

        return new CascadeScore(100.0 * wrong / _samples, mflops[cascade.Model(0)] + (later / _samples));
    }

    // One intermediate stage: exit test on the kept maxima, then add the model's rows for those who stay.
    private void Advance(Phenotype cascade, PrefixState? state, int model, int limit, PrefixState next)
    {
        int[] labels = _dense.LabelTable;
        int count = state?.Count ?? _samples;
        int kept = 0;
        int wrong = 0;
        int first = cascade.Model(0);
        int[] top = _dense.TopOf(first);
        ushort[] arg = _dense.ArgOf(first);
        fixed (int* zeros = _zeros, sums = next.Sums)
        {
            for (int k = 0; k < count; k++)
            {
                int i = state is null ? k : state.Active[k];
                int max = state is null ? top[i] : state.Max[k];
                if (max > limit)
                {
                    wrong += (state is null ? arg[i] : state.Arg[k]) != labels[i] ? 1 : 0;
                    continue;
                }

                int* target = sums + ((long)kept * _classes);
                if (state is null)
                {
                    _dense.AddRow(first, i, zeros, target);
                    _dense.AddRow(model, i, target, target);
                }
                else
                {
                    fixed (int* source = &state.Sums[(long)k * _classes])
                    {
                        _dense.AddRow(model, i, source, target);
                    }
                }

                (next.Max[kept], next.Arg[kept]) = MaxArg(target, _classes);
                next.Active[kept++] = i;
            }
        }

        next.Count = kept;
        next.Wrong = wrong;
    }

    // The last stage: exits are scored from the kept argmax, the rest from the argmax of the final sums.
    private int Finish(Phenotype cascade, PrefixState? state, int model, int limit, out int reached)
    {
        int[] labels = _dense.LabelTable;
        int count = state?.Count ?? _samples;
        int first = cascade.Model(0);
        int[] top = _dense.TopOf(first);
        ushort[] arg = _dense.ArgOf(first);
        int wrong = 0;
        reached = 0;
        int* target = stackalloc int[_classes];
        fixed (int* zeros = _zeros)
        {
            for (int k = 0; k < count; k++)
            {
                int i = state is null ? k : state.Active[k];
                int max = state is null ? top[i] : state.Max[k];
                int predicted;
                if (max > limit)
                {
                    predicted = state is null ? arg[i] : state.Arg[k];
                }
                else
                {
                    if (state is null)
                    {
                        _dense.AddRow(first, i, zeros, target);
                        _dense.AddRow(model, i, target, target);
                    }
                    else
                    {
                        fixed (int* source = &state.Sums[(long)k * _classes])
                        {
                            _dense.AddRow(model, i, source, target);
                        }
                    }

                    predicted = MaxArg(target, _classes).Arg;
                    reached++;
                }

                wrong += predicted != labels[i] ? 1 : 0;
            }
        }

        return wrong;
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
