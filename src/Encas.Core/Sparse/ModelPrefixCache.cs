namespace Encas.Core.Sparse;

/// <summary>
/// A least-recently-used map from model tuple to <see cref="ModelPrefixTable"/> within a byte budget; evicted
/// tables are kept for reuse, so a long search allocates no new tables once the budget is full. Not
/// thread-safe.
/// </summary>
internal sealed class ModelPrefixCache
{
    private readonly long _budget;
    private readonly int _words;
    private readonly Dictionary<UInt128, LinkedListNode<(UInt128 Key, ModelPrefixTable Table)>> _map = [];
    private readonly LinkedList<(UInt128 Key, ModelPrefixTable Table)> _order = new();
    private readonly Stack<LinkedListNode<(UInt128 Key, ModelPrefixTable Table)>> _spare = new();

    public ModelPrefixCache(long budgetBytes, int words)
    {
        _budget = budgetBytes;
        _words = words;
    }

    /// <summary>Bytes held by cached tables.</summary>
    public long Bytes { get; private set; }

    /// <summary>Lookups that found a table.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that created one.</summary>
    public long Misses { get; private set; }

    /// <summary>The table of <paramref name="key"/>, created empty when absent, marked recently used.</summary>
    public ModelPrefixTable Get(UInt128 key)
    {
        if (_map.TryGetValue(key, out var node))
        {
            Hits++;
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Table;
        }

        Misses++;
        long bytes = 64 + (_words * 64L) + (16L * _words);
        while (Bytes + bytes > _budget && _order.Last is { } last)
        {
            _order.RemoveLast();
            _map.Remove(last.Value.Key);
            Bytes -= last.Value.Table.Bytes;
            _spare.Push(last);
        }

        if (_spare.TryPop(out var reused))
        {
            reused.Value.Table.Forget();
            reused.Value = (key, reused.Value.Table);
        }
        else
        {
            var table = new ModelPrefixTable(_words);
            reused = new LinkedListNode<(UInt128, ModelPrefixTable)>((key, table));
        }

        _order.AddFirst(reused);
        _map[key] = reused;
        Bytes += reused.Value.Table.Bytes;
        return reused.Value.Table;
    }
}
