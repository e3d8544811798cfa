namespace Encas.Core.Sparse;

/// <summary>
/// The classes listed so far for one sample, each with its exact listed sum (a lower bound on its true sum) and
/// the bounds of the models that listed it; <c>upper = lower + (Σ all bounds − Σ its models' bounds)</c>.
/// Lives on the stack of one evaluation.
/// </summary>
internal ref struct CandidateSet
{
    private readonly Span<int> _slot;
    private readonly Span<int> _class;
    private readonly Span<int> _lower;
    private readonly Span<int> _listedBounds;
    private readonly int _classes;
    private int _count;
    private int _bounds;

    public CandidateSet(Span<int> slot, Span<int> classOf, Span<int> lower, Span<int> listedBounds, int classes)
    {
        _slot = slot;
        _class = classOf;
        _lower = lower;
        _listedBounds = listedBounds;
        _classes = classes;
        _slot.Fill(-1);
    }

    /// <summary>Forgets the contents (the slot map must already be clean, see <see cref="Reset"/>).</summary>
    public void Clear()
    {
        _count = 0;
        _bounds = 0;
    }

    /// <summary>Cleans the slot map entries this sample used.</summary>
    public readonly void Reset()
    {
        for (int k = 0; k < _count; k++)
        {
            _slot[_class[k]] = -1;
        }
    }

    /// <summary>Adds a listed probability of class <paramref name="c"/> from a model with bound <paramref
    /// name="bound"/>.</summary>
    public void Add(int c, int value, int bound)
    {
        int k = _slot[c];
        if (k < 0)
        {
            k = _count++;
            _slot[c] = k;
            _class[k] = c;
            _lower[k] = 0;
            _listedBounds[k] = 0;
        }

        _lower[k] += value;
        _listedBounds[k] += bound;
    }

    /// <summary>Accounts for one more applied model's bound.</summary>
    public void AddBound(int bound) => _bounds += bound;

    /// <summary>A lower bound on the largest true sum.</summary>
    public readonly int MaxLower()
    {
        int best = 0;
        for (int k = 0; k < _count; k++)
        {
            best = Math.Max(best, _lower[k]);
        }

        return best;
    }

    /// <summary>An upper bound on the largest true sum.</summary>
    public readonly int MaxUpper()
    {
        int best = _count < _classes ? _bounds : 0;
        for (int k = 0; k < _count; k++)
        {
            best = Math.Max(best, _lower[k] + _bounds - _listedBounds[k]);
        }

        return best;
    }

    /// <summary>Whether class <paramref name="c"/>'s true sum is known exactly (every applied model lists it or
    /// bounds it by 0), and that sum.</summary>
    public readonly bool TryExact(int c, out int value)
    {
        int k = _slot[c];
        value = k < 0 ? 0 : _lower[k];
        return k < 0 ? _bounds == 0 : _listedBounds[k] == _bounds;
    }

    /// <summary>The exact argmax (ties → lowest class) when the bounds prove it, otherwise -1.</summary>
    public readonly int CertifiedArgMax()
    {
        int best = 0;
        for (int k = 1; k < _count; k++)
        {
            if (_lower[k] > _lower[best] || (_lower[k] == _lower[best] && _class[k] < _class[best]))
            {
                best = k;
            }
        }

        int floor = _lower[best];
        if (_count < _classes && _bounds >= floor)
        {
            return -1;
        }

        for (int k = 0; k < _count; k++)
        {
            int upper = _lower[k] + _bounds - _listedBounds[k];
            if (k != best && (upper > floor || (upper == floor && _class[k] < _class[best])))
            {
                return -1;
            }
        }

        return _class[best];
    }
}
