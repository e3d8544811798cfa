namespace Encas.Core.Cascades;

/// <summary>
/// A least-recently-used map from prefix key to <see cref="PrefixState"/> within a byte budget. Not
/// thread-safe.
/// </summary>
internal sealed class PrefixCache
{
    private readonly long _budget;
    private readonly Dictionary<UInt128, LinkedListNode<(UInt128 Key, PrefixState State)>> _map = [];
    private readonly LinkedList<(UInt128 Key, PrefixState State)> _order = new();

    public PrefixCache(long budgetBytes) => _budget = budgetBytes;

    /// <summary>Bytes held now.</summary>
    public long Bytes { get; private set; }

    /// <summary>Largest <see cref="Bytes"/> seen.</summary>
    public long PeakBytes { get; private set; }

    /// <summary>States held now.</summary>
    public int Count => _map.Count;

    /// <summary>Looks a state up and marks it recently used.</summary>
    public bool TryGet(UInt128 key, out PrefixState state)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            state = node.Value.State;
            return true;
        }

        state = null!;
        return false;
    }

    /// <summary>Whether a state of <paramref name="bytes"/> could be kept at all.</summary>
    public bool Fits(long bytes) => bytes <= _budget;

    /// <summary>Adds a state, evicting least recently used ones until the budget holds.</summary>
    public void Add(UInt128 key, PrefixState state)
    {
        if (!Fits(state.Bytes) || _map.ContainsKey(key))
        {
            return;
        }

        while (Bytes + state.Bytes > _budget && _order.Last is { } last)
        {
            _order.RemoveLast();
            _map.Remove(last.Value.Key);
            Bytes -= last.Value.State.Bytes;
        }

        _map[key] = _order.AddFirst((key, state));
        Bytes += state.Bytes;
        PeakBytes = Math.Max(PeakBytes, Bytes);
    }
}
