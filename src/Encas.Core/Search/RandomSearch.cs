using Encas.Core.Cascades;

namespace Encas.Core.Search;

/// <summary>
/// The authors' random-search baseline: distinct uniformly random genomes up to the budget, every one scored on
/// validation; the non-dominated ones form the archive that the same post-processing turns into a front.
/// </summary>
public sealed class RandomSearch
{
    private const int Chunk = 10_000;
    private readonly ICascadeScorer _validation;
    private readonly SearchSettings _settings;
    private readonly Random _random;
    private readonly HashSet<UInt128> _seen = [];
    private readonly int[] _alphabet;
    private readonly List<TracePoint> _trace = [];
    private List<(int[] Genome, CascadeScore Val)> _front = [];

    /// <summary>Prepares the baseline of run <paramref name="run"/> (seed = settings seed + run).</summary>
    public RandomSearch(ICascadeScorer validation, SearchSettings settings, int run)
    {
        _validation = validation;
        _settings = settings;
        Seed = settings.Seed + run;
        _random = new Random((int)(uint)Seed);
        _alphabet = GenomeLayout.Alphabet(validation.PoolModels);
    }

    /// <summary>The run seed.</summary>
    public long Seed { get; }

    /// <summary>Genomes evaluated so far.</summary>
    public long Evaluations { get; private set; }

    /// <summary>The current non-dominated set.</summary>
    public IReadOnlyList<(int[] Genome, CascadeScore Val)> Archive => _front;

    /// <summary>Validation hypervolume after each chunk.</summary>
    public IReadOnlyList<TracePoint> Trace => _trace;

    /// <summary>Evaluates the next chunk of distinct genomes; false once the budget is spent.</summary>
    public bool RunChunk()
    {
        long end = Math.Min(_settings.Evaluations, Evaluations + Chunk);
        var batch = new List<(int[] Genome, CascadeScore Val)>(_front);
        while (Evaluations < end)
        {
            var genome = new int[GenomeLayout.Length];
            for (int g = 0; g < genome.Length; g++)
            {
                genome[g] = _random.Next(_alphabet[g]);
            }

            if (!_seen.Add(GenotypeKey(genome)))
            {
                continue;
            }

            batch.Add((genome, _validation.Evaluate(Phenotype.FromGenome(genome))));
            Evaluations++;
        }

        _front = ParetoFront.Strict(batch, b => b.Val);
        _trace.Add(new TracePoint(Evaluations,
            NormalisedHypervolume.Compute(_front.Select(f => f.Val), _settings.ReferenceError,
                _settings.ReferenceMflops),
            _front.Count));
        return Evaluations < _settings.Evaluations;
    }

    private static UInt128 GenotypeKey(int[] genome)
    {
        UInt128 key = 0;
        for (int g = 0; g < genome.Length; g++)
        {
            key = (key << (g < GenomeLayout.MaxModels ? 16 : 6)) | (uint)genome[g];
        }

        return key;
    }
}
