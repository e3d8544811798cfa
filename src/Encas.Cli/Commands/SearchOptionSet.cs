using System.CommandLine;
using System.Globalization;
using Encas.Core.Search;

namespace Encas.Cli.Commands;

/// <summary>The search options <c>encas search</c> and <c>encas submit</c> share, and how they become
/// settings.</summary>
internal sealed class SearchOptionSet
{
    private static readonly SearchSettings Defaults = new();

    public Option<int> Runs { get; } = new("--runs")
    {
        Description = "Independent runs.",
        DefaultValueFactory = _ => Defaults.Runs,
    };

    public Option<long> Evaluations { get; } = new("--evaluations")
    {
        Description = "Charged evaluations per run (cache hits are free).",
        DefaultValueFactory = _ => Defaults.Evaluations,
    };

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Base seed; run r uses seed + r.",
        DefaultValueFactory = _ => Defaults.Seed,
    };

    public Option<int> Islands { get; } = new("--islands")
    {
        Description = "Islands per run.",
        DefaultValueFactory = _ => Defaults.Islands,
    };

    public Option<long> Interval { get; } = new("--migration-interval")
    {
        Description = "Charged evaluations per island between migrations (an epoch).",
        DefaultValueFactory = _ => Defaults.MigrationInterval,
    };

    public Option<int> Migrants { get; } = new("--migrants")
    {
        Description = "Elites each island sends to its ring neighbour per epoch.",
        DefaultValueFactory = _ => Defaults.Migrants,
    };

    public Option<string> Reference { get; } = new("--reference-point")
    {
        Description = "Hypervolume reference point ERROR,MFLOPS.",
        DefaultValueFactory = _ => "40,4000",
    };

    public Option<string> Baseline { get; } = CreateBaseline();

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] all = [Runs, Evaluations, Seed, Islands, Interval, Migrants, Reference, Baseline];
        foreach (Option option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The validated settings the parse result gives.</summary>
    public SearchSettings Settings(ParseResult parse, int parallelism = 0)
    {
        var (refError, refMflops) = ParseReference(parse.GetValue(Reference)!);
        var settings = new SearchSettings
        {
            Runs = parse.GetValue(Runs),
            Evaluations = parse.GetValue(Evaluations),
            Seed = parse.GetValue(Seed),
            Islands = parse.GetValue(Islands),
            MigrationInterval = parse.GetValue(Interval),
            Migrants = parse.GetValue(Migrants),
            ReferenceError = refError,
            ReferenceMflops = refMflops,
            RandomBaseline = parse.GetValue(Baseline) == "random",
            Parallelism = parallelism,
        };
        settings.Validate();
        return settings;
    }

    private static Option<string> CreateBaseline()
    {
        var baseline = new Option<string>("--baseline")
        {
            Description = "Baseline run beside ENCAS with the same budget: none or random.",
            DefaultValueFactory = _ => "none",
        };
        baseline.AcceptOnlyFromAmong("none", "random");
        return baseline;
    }

    private static (double Error, double Mflops) ParseReference(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double error)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double mflops))
        {
            return (error, mflops);
        }

        throw new UserInputException($"--reference-point: '{text}' is not ERROR,MFLOPS (e.g. 40,4000)");
    }
}
