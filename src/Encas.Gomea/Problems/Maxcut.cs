using System.Runtime.CompilerServices;
namespace Encas.Gomea.Problems;

/// <summary>Multi-objective MAXCUT: one weighted graph per objective on the same vertices; maximise each cut.</summary>
/// <remarks>
/// <c>f_k = Σ_e w_k,e · [x_u ≠ x_v]</c>, summed in file order as the reference does. Unconstrained. With integer
/// weights (all stored instances) the sums are exact in any order, and consecutive evaluations are computed
/// incrementally from the previous genome, giving the same values bit for bit.
/// </remarks>
public sealed class Maxcut : IObjectiveFunction
{
    private readonly MaxcutInstance[] _graphs;
    private readonly bool _sharedEdges;
    private readonly MaxcutDeltaEvaluator? _delta;

    /// <summary>Creates the problem from one graph per objective.</summary>
    /// <param name="graphs">The graphs; all with the same number of vertices.</param>
    /// <exception cref="ArgumentException">The graphs differ in size or there are none.</exception>
    public Maxcut(IReadOnlyList<MaxcutInstance> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        if (graphs.Count == 0 || graphs.Any(g => g.VertexCount != graphs[0].VertexCount))
        {
            throw new ArgumentException("maxcut needs at least one graph, all with the same vertex count");
        }

        _graphs = [.. graphs];
        _sharedEdges = _graphs.All(g => g.From.AsSpan().SequenceEqual(_graphs[0].From)
            && g.To.AsSpan().SequenceEqual(_graphs[0].To));
        Alphabet = GeneAlphabet.Binary(graphs[0].VertexCount);
        _delta = MaxcutDeltaEvaluator.TryCreate(_graphs);
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => _graphs.Length;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
        if (_delta is not null)
        {
            _delta.Evaluate(genes, objectives);
            return EvaluationOutcome.Feasible;
        }

        if (_sharedEdges && _graphs.Length == 2)
        {
            EvaluateTwoOnSharedEdges(genes, objectives);
            return EvaluationOutcome.Feasible;
        }

        for (int k = 0; k < _graphs.Length; k++)
        {
            MaxcutInstance g = _graphs[k];
            double cut = 0.0;
            for (int e = 0; e < g.Weights.Length; e++)
            {
                if (genes[g.From[e]] != genes[g.To[e]])
                {
                    cut += g.Weights[e];
                }
            }

            objectives[k] = cut;
        }

        return EvaluationOutcome.Feasible;
    }

    // Both graphs list the same edges in the same order: one pass decides every edge once and adds its weight to each
    // objective in file order, so each sum is bit-identical to the per-objective loop. Adding w · 0 leaves a
    // non-negative running sum unchanged, which keeps the loop free of branches.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EvaluateTwoOnSharedEdges(ReadOnlySpan<int> genes, Span<double> objectives)
    {
        ReadOnlySpan<int> from = _graphs[0].From;
        ReadOnlySpan<int> to = _graphs[0].To;
        ReadOnlySpan<double> w0 = _graphs[0].Weights;
        ReadOnlySpan<double> w1 = _graphs[1].Weights;
        w0 = w0[..from.Length];
        w1 = w1[..from.Length];
        to = to[..from.Length];
        double cut0 = 0.0;
        double cut1 = 0.0;
        for (int e = 0; e < from.Length; e++)
        {
            double cut = genes[from[e]] != genes[to[e]] ? 1.0 : 0.0;
            cut0 += w0[e] * cut;
            cut1 += w1[e] * cut;
        }

        objectives[0] = cut0;
        objectives[1] = cut1;
    }
}
