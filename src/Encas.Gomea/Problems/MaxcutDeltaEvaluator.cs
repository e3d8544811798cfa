using System.Runtime.CompilerServices;

namespace Encas.Gomea.Problems;

/// <summary>Exact incremental MAXCUT evaluation for graphs with integer weights.</summary>
/// <remarks>
/// With integer weights whose absolute sum stays below 2^52 every partial sum is an exactly representable integer,
/// so the cut value does not depend on the order of summation: a value obtained by updating the previous genome's
/// cut with the edges at changed vertices equals, bit for bit, the reference's full sum in file order. Genomes that
/// differ from the previous one in more than a quarter of their genes are summed in full (over a dense weight
/// matrix, also exactly). Keeps one previous genome; not thread safe.
/// </remarks>
internal sealed class MaxcutDeltaEvaluator
{
    private readonly int _n;
    private readonly long[][] _weights;
    private readonly int[] _last;
    private readonly long[] _lastCut;
    private readonly bool[] _changed;
    private readonly int[] _changedList;
    private bool _hasLast;

    private MaxcutDeltaEvaluator(int n, long[][] weights)
    {
        _n = n;
        _weights = weights;
        _last = new int[n];
        _lastCut = new long[weights.Length];
        _changed = new bool[n];
        _changedList = new int[n];
    }

    /// <summary>
    /// Builds the evaluator, or returns null when a weight is not an integer or the sums could be inexact.
    /// </summary>
    public static MaxcutDeltaEvaluator? TryCreate(IReadOnlyList<MaxcutInstance> graphs)
    {
        int n = graphs[0].VertexCount;
        var weights = new long[graphs.Count][];
        for (int k = 0; k < graphs.Count; k++)
        {
            MaxcutInstance g = graphs[k];
            weights[k] = new long[n * n];
            double total = 0.0;
            for (int e = 0; e < g.Weights.Length; e++)
            {
                double w = g.Weights[e];
                if (w != Math.Floor(w) || Math.Abs(w) > 1e15)
                {
                    return null;
                }

                total += Math.Abs(w);
                int u = g.From[e];
                int v = g.To[e];
                if (u != v)
                {
                    weights[k][u * n + v] += (long)w;
                    weights[k][v * n + u] += (long)w;
                }
            }

            if (total >= 4.5e15)
            {
                return null;
            }
        }

        return new MaxcutDeltaEvaluator(n, weights);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<int> genes, Span<double> objectives)
    {
        int changedCount = 0;
        if (_hasLast)
        {
            for (int v = 0; v < _n; v++)
            {
                bool differs = genes[v] != _last[v];
                _changed[v] = differs;
                if (differs)
                {
                    _changedList[changedCount++] = v;
                }
            }
        }

        if (!_hasLast || changedCount * 4 > _n)
        {
            FullSum(genes);
        }
        else if (changedCount > 0)
        {
            UpdateSum(genes, changedCount);
        }

        genes.CopyTo(_last);
        _hasLast = true;
        for (int k = 0; k < _lastCut.Length; k++)
        {
            objectives[k] = _lastCut[k];
        }
    }

    private void FullSum(ReadOnlySpan<int> genes)
    {
        for (int k = 0; k < _weights.Length; k++)
        {
            long[] w = _weights[k];
            long cut = 0;
            for (int u = 0; u < _n; u++)
            {
                int row = u * _n;
                int xu = genes[u];
                for (int v = u + 1; v < _n; v++)
                {
                    long isCut = genes[v] != xu ? 1 : 0;
                    cut += isCut * w[row + v];
                }
            }

            _lastCut[k] = cut;
        }
    }

    // Only edges with a changed endpoint can change state. Each changed vertex adds the change of all its edges
    // (an unchanged edge to itself contributes 0); an edge between two changed vertices is thereby counted twice,
    // so its change is subtracted once afterwards.
    private void UpdateSum(ReadOnlySpan<int> genes, int changedCount)
    {
        for (int k = 0; k < _weights.Length; k++)
        {
            long[] w = _weights[k];
            long delta = 0;
            for (int c = 0; c < changedCount; c++)
            {
                int v = _changedList[c];
                delta += EdgeChanges(genes, w, v, 0, _n);
                for (int d = 0; d < c; d++)
                {
                    delta -= EdgeChange(genes, w, v, _changedList[d]);
                }
            }

            _lastCut[k] += delta;
        }
    }

    private long EdgeChanges(ReadOnlySpan<int> genes, long[] w, int v, int from, int to)
    {
        int row = v * _n;
        int oldV = _last[v];
        int newV = genes[v];
        long delta = 0;
        for (int u = from; u < to; u++)
        {
            long wasCut = _last[u] != oldV ? 1 : 0;
            long isCut = genes[u] != newV ? 1 : 0;
            delta += (isCut - wasCut) * w[row + u];
        }

        return delta;
    }

    private long EdgeChange(ReadOnlySpan<int> genes, long[] w, int v, int u)
    {
        long wasCut = _last[u] != _last[v] ? 1 : 0;
        long isCut = genes[u] != genes[v] ? 1 : 0;
        return (isCut - wasCut) * w[v * _n + u];
    }
}
