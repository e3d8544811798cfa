namespace Encas.Gomea.Problems;

/// <summary>
/// A problem the engine optimises: integer genomes in, maximised objectives and a constraint value out.
/// </summary>
/// <remarks>
/// All objectives are maximised, as in the reference. An implementation may repair the genome in place (Lamarckian
/// repair); the engine then keeps the repaired genome. Implementations are called from one thread at a time.
/// </remarks>
public interface IObjectiveFunction
{
    /// <summary>The gene ranges; its length is the genome length.</summary>
    GeneAlphabet Alphabet { get; }

    /// <summary>The number of objectives (at least 2 for the clustering to make sense).</summary>
    int ObjectiveCount { get; }

    /// <summary>Evaluates a genome.</summary>
    /// <param name="genes">The genome; may be modified by a repair.</param>
    /// <param name="objectives">Receives <see cref="ObjectiveCount"/> objective values.</param>
    /// <param name="extremeObjective">
    /// The objective of the extreme cluster the evaluation comes from, or −1 for a middle cluster, initialisation
    /// or forced improvement of a middle cluster. Only the knapsack repair uses it.
    /// </param>
    /// <returns>The constraint violation and whether the value was a cache hit.</returns>
    EvaluationOutcome Evaluate(Span<int> genes, Span<double> objectives, int extremeObjective);
}
