namespace Encas.Gomea.Problems;

/// <summary>Multi-objective MAXCUT: one weighted graph per objective on the same vertices; maximise each cut.</summary>
/// <remarks><c>f_k = Σ_e w_k,e · [x_u ≠ x_v]</c>, summed in file order. Unconstrained.</remarks>
public sealed class Maxcut : IObjectiveFunction
{
    private readonly MaxcutInstance[] _graphs;

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
        Alphabet = GeneAlphabet.Binary(graphs[0].VertexCount);
    }

    /// <inheritdoc />
    public GeneAlphabet Alphabet { get; }

    /// <inheritdoc />
    public int ObjectiveCount => _graphs.Length;

    /// <inheritdoc />
    public EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective)
    {
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
}
