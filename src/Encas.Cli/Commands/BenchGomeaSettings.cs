using Encas.Gomea.Engine;

namespace Encas.Cli.Commands;

/// <summary>The validated options of <c>encas bench gomea</c>.</summary>
internal sealed record BenchGomeaSettings
{
    public required string Problem { get; init; }

    public required int Length { get; init; }

    public long Seed { get; init; } = 1;

    public long Evaluations { get; init; } = 10_000_000;

    public int ArchiveTarget { get; init; } = 1000;

    public MutationMode Mutation { get; init; } = MutationMode.None;

    public bool Repair { get; init; }

    public StopMode Stop { get; init; } = StopMode.EndOfGeneration;

    public bool StopSmallerPopulations { get; init; }

    /// <summary>An integer K (genes in [0, K)) or a file of per-gene exclusive upper bounds.</summary>
    public string Alphabet { get; init; } = "2";

    /// <summary>An integer lower bound for all genes or a file of per-gene lower bounds.</summary>
    public string LowerBounds { get; init; } = "0";

    public string Instances { get; init; } = ".";

    public string? StatisticsFile { get; init; }

    public string? ArchiveFile { get; init; }
}
