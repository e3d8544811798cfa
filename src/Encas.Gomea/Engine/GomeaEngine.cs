using Encas.Gomea.Archive;
using Encas.Gomea.Model;
using Encas.Gomea.Problems;
using Encas.Gomea.Random;

namespace Encas.Gomea.Engine;

/// <summary>
/// The parameter-less MO-GOMEA with the interleaved multi-start scheme, as the reference C code runs it.
/// </summary>
/// <remarks>
/// Port of the MO-GOMEA of Luong, La Poutré and Bosman (Swarm and Evolutionary Computation 40, 2018; GECCO 2014),
/// in the ENCAS variant with integer genes. Population <c>i</c> has <c>8 · 2^i</c> members and <c>m + 1 + i</c>
/// clusters; population <c>i + 1</c> takes one step per two steps of population <c>i</c>; at most 20 populations.
/// All populations share one elitist archive, one generator and one evaluation counter. Same seed, same problem and
/// same options give the reference's trajectory draw for draw.
/// <para>
/// The engine is driven in chunks: <see cref="RunUntil"/> runs whole population steps until a given evaluation
/// count is reached and returns, so an actor can interleave other work, take migrants (<see cref="AcceptMigrant"/>)
/// and persist the whole state (<see cref="Snapshot"/> / <see cref="Restore"/>) between chunks. Not thread safe.
/// </para>
/// </remarks>
public sealed partial class GomeaEngine
{
    /// <summary>The reference's fixed maximum number of populations.</summary>
    public const int MaxPopulations = 20;

    private const int SmallestPopulation = 8;
    private const int GenerationBase = 2;

    private readonly IObjectiveFunction _problem;
    private readonly GomeaOptions _options;
    private readonly int _geneCount;
    private readonly int _objectiveCount;
    private readonly PairwiseEntropy _entropy;
    private readonly double[] _mi;
    private readonly List<PopulationStep> _steps = [];
    private Population?[] _populations = new Population?[MaxPopulations];
    private ElitistArchive _archive;
    private Lcg48 _rng;
    private long _evaluations;
    private long _cacheHits;
    private bool _budgetReached;
    private bool _frontChanged;
    private int _nextPopulation;
    private bool _finished;
    private long? _targetCoveredAt;

    /// <summary>Creates an engine ready to run from the start.</summary>
    /// <param name="problem">The problem; its alphabet fixes the genome length.</param>
    /// <param name="options">The run settings.</param>
    /// <exception cref="ArgumentException">The problem has fewer than two objectives or no genes.</exception>
    public GomeaEngine(IObjectiveFunction problem, GomeaOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (problem.ObjectiveCount < 2)
        {
            throw new ArgumentException("MO-GOMEA needs at least two objectives", nameof(problem));
        }

        if (problem.Alphabet.Length < 2)
        {
            throw new ArgumentException("MO-GOMEA needs at least two genes", nameof(problem));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.ArchiveTarget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEvaluations, 1);
        _problem = problem;
        _options = options;
        _geneCount = problem.Alphabet.Length;
        _objectiveCount = problem.ObjectiveCount;
        _entropy = new PairwiseEntropy(problem.Alphabet);
        _mi = new double[_geneCount * _geneCount];
        _archive = new ElitistArchive(_geneCount, _objectiveCount);
        _rng = new Lcg48(options.Seed);
    }

    /// <summary>The run settings.</summary>
    public GomeaOptions Options => _options;

    /// <summary>The evaluations charged so far.</summary>
    public long Evaluations => _evaluations;

    /// <summary>
    /// The evaluations the problem reported as cache hits (charged only with <c>ChargeCacheHits</c>).
    /// </summary>
    public long CacheHits => _cacheHits;

    /// <summary>The shared elitist archive.</summary>
    public ElitistArchive Archive => _archive;

    /// <summary>Every population step run so far, in order: the reference's <c>statistics.dat</c> lines.</summary>
    public IReadOnlyList<PopulationStep> Steps => _steps;

    /// <summary>True once the run terminated (budget, covered target front or population limit).</summary>
    public bool IsFinished => _finished;

    /// <summary>The number of started populations still running (all of them unless option -z stopped some).</summary>
    public int ActivePopulationCount => _populations.Count(p => p is { Active: true });

    /// <summary>The number of populations started so far.</summary>
    public int PopulationCount => _populations.Count(p => p is not null);

    /// <summary>
    /// The evaluation count at the end of the first population step after which the archive held the whole
    /// <see cref="GomeaOptions.TargetFront"/>; null when there is no target or it was not covered yet.
    /// </summary>
    public long? TargetFrontCoveredAt => _targetCoveredAt;

    /// <summary>True when the run stopped because the 20-population limit of the reference was reached.</summary>
    public bool PopulationLimitReached { get; private set; }

    /// <summary>
    /// Runs whole population steps until at least <paramref name="evaluations"/> were charged or the run ends.
    /// </summary>
    /// <remarks>
    /// Returns only between population steps, where the state is complete, so a snapshot taken after this call and
    /// restored elsewhere continues exactly as an uninterrupted run would. With <see cref="StopMode.Exact"/> the
    /// final step stops mid-generation at the budget and the run is finished.
    /// </remarks>
    /// <param name="evaluations">The evaluation count to reach before returning.</param>
    /// <returns>True if the run can continue; false once it has finished.</returns>
    public bool RunUntil(long evaluations)
    {
        while (true)
        {
            if (CheckTermination())
            {
                return false;
            }

            if (_evaluations >= evaluations)
            {
                return true;
            }

            Step();
        }
    }

    /// <summary>Runs at most <paramref name="steps"/> population steps, or fewer if the run ends.</summary>
    /// <remarks>Useful when evaluations may be free (uncharged cache hits) and an evaluation target might never be
    /// met.</remarks>
    /// <param name="steps">The number of population steps to run.</param>
    /// <returns>True if the run can continue; false once it has finished.</returns>
    public bool RunSteps(int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            if (CheckTermination())
            {
                return false;
            }

            Step();
        }

        return !CheckTermination();
    }

    /// <summary>Runs to termination.</summary>
    public void Run() => RunUntil(long.MaxValue);

    /// <summary>Offers an externally found solution (a migrant) to the elitist archive with the plain rule.</summary>
    /// <remarks>No evaluation is charged; the objectives and constraint are taken as given.</remarks>
    /// <param name="genes">The migrant's genome (length = genome length).</param>
    /// <param name="objectives">Its objective values.</param>
    /// <param name="constraint">Its constraint violation (0 when feasible).</param>
    /// <returns>True if the archive took it.</returns>
    /// <exception cref="ArgumentException">The genome or objective vector has the wrong length.</exception>
    public bool AcceptMigrant(ReadOnlySpan<int> genes, ReadOnlySpan<double> objectives, double constraint = 0.0)
    {
        if (genes.Length != _geneCount || objectives.Length != _objectiveCount)
        {
            throw new ArgumentException(
                $"a migrant needs {_geneCount} genes and {_objectiveCount} objectives " +
                $"(got {genes.Length} and {objectives.Length})");
        }

        bool added = _archive.Offer(genes, objectives, constraint);
        if (added && _options.TargetFront is { } front && !_targetCoveredAt.HasValue && ArchiveCovers(front))
        {
            _targetCoveredAt = _evaluations;
        }

        return added;
    }

    private bool CheckTermination()
    {
        if (_finished)
        {
            return true;
        }

        bool covered = _options.StopWhenTargetFrontCovered && _targetCoveredAt.HasValue;
        if (_evaluations >= _options.MaxEvaluations || covered || PopulationLimitReached)
        {
            _finished = true;
        }

        return _finished;
    }

    // One step of the interleaved scheme: population p initialises or runs a generation; the next population runs
    // only after every second step of this one, otherwise the scheme restarts at population 0.
    private void Step()
    {
        int p = _nextPopulation;
        if (p >= MaxPopulations)
        {
            PopulationLimitReached = true;
            return;
        }

        Population? population = _populations[p];
        if (population is null)
        {
            population = new Population(SmallestPopulation << p, _objectiveCount + 1 + p, _geneCount, _objectiveCount);
            _populations[p] = population;
            Initialise(population);
            AfterStep(p, population);
        }
        else if (population.Active)
        {
            RunGeneration(population);
            AfterStep(p, population);
        }

        population.Steps++;
        _nextPopulation = population.Steps % GenerationBase == 0 ? p + 1 : 0;
    }

    private void AfterStep(int p, Population population)
    {
        if (_options.StopSmallerPopulations)
        {
            StopCoveredSmallerPopulations(p, population);
        }

        _steps.Add(new PopulationStep(population.Steps, population.Size, _evaluations, population.ClusterCount));
        if (_options.TargetFront is { } front && !_targetCoveredAt.HasValue && ArchiveCovers(front))
        {
            _targetCoveredAt = _evaluations;
        }
    }

    // The reference's value-to-reach: the mean distance from every front point to its nearest archive point is 0.
    private bool ArchiveCovers(IReadOnlyList<double[]> front)
    {
        if (_archive.Count == 0)
        {
            return false;
        }

        foreach (double[] point in front)
        {
            double smallest = 1e+308;
            for (int i = 0; i < _archive.Count; i++)
            {
                double d = Geometry.Distance(point, _archive.Objectives(i));
                smallest = d < smallest ? d : smallest;
            }

            if (smallest > 0)
            {
                return false;
            }
        }

        return true;
    }

    private double Evaluate(int[] genes, double[] objectives, int extremeObjective)
    {
        EvaluationOutcome outcome = _problem.Evaluate(genes, objectives, extremeObjective);
        if (outcome.CacheHit)
        {
            _cacheHits++;
        }

        if (!outcome.CacheHit || _options.ChargeCacheHits)
        {
            _evaluations++;
        }

        if (_options.StopMode == StopMode.Exact && _evaluations >= _options.MaxEvaluations)
        {
            _budgetReached = true;
        }

        return outcome.Constraint;
    }
}
