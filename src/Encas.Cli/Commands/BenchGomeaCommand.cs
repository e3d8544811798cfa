using System.CommandLine;
using System.Diagnostics;
using Encas.Gomea.Engine;

namespace Encas.Cli.Commands;

/// <summary>The <c>encas bench gomea</c> command: MO-GOMEA alone on a benchmark problem.</summary>
internal static class BenchGomeaCommand
{
    public static Command Create()
    {
        var problem = new Option<string>("--problem")
        {
            Description = "(required) zeromax-onemax | trap5 | lotz | maxcut | knapsack | int-zeromax-onemax",
        };
        var length = new Option<int>("--length")
        {
            Description = "(required) Genome length",
            CustomParser = BenchGomeaParsers.ParseInt,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed",
            DefaultValueFactory = _ => 1,
            CustomParser = BenchGomeaParsers.ParseLong,
        };
        var evaluations = new Option<long>("--evaluations")
        {
            Description = "Evaluation budget",
            DefaultValueFactory = _ => 10_000_000,
            CustomParser = BenchGomeaParsers.ParseLong,
        };
        var archiveTarget = new Option<int>("--archive-target")
        {
            Description = "Elitist-archive size target",
            DefaultValueFactory = _ => 1000,
            CustomParser = BenchGomeaParsers.ParseInt,
        };
        var mutation = new Option<string>("--mutation")
        {
            Description = "none | weak | strong",
            DefaultValueFactory = _ => "none",
        };
        var repair = new Option<bool>("--repair") { Description = "Repair infeasible knapsack genomes in place" };
        var stop = new Option<string>("--stop")
        {
            Description = "generation (end of the generation, original) | exact (at the budget, ENCAS)",
            DefaultValueFactory = _ => "generation",
        };
        var stopSmaller = new Option<bool>("--stop-smaller-populations")
        {
            Description = "Switch off smaller populations whose front a larger one covers (reference -z)",
        };
        var alphabet = new Option<string>("--alphabet")
        {
            Description = "int-zeromax-onemax: genes in [0, K), or a file of per-gene exclusive upper bounds",
            DefaultValueFactory = _ => "2",
        };
        var lowerBounds = new Option<string>("--lower-bounds")
        {
            Description = "int-zeromax-onemax: one lower bound for all genes, or a file of per-gene lower bounds",
            DefaultValueFactory = _ => "0",
        };
        var instances = new Option<string>("--instances")
        {
            Description = "Folder holding maxcut/ and knapsack/ (default: current folder)",
            DefaultValueFactory = _ => ".",
        };
        var statistics = new Option<string?>("--statistics") { Description = "Write the statistics.dat trace here" };
        var archive = new Option<string?>("--archive") { Description = "Write the final archive here" };

        var command = new Command("gomea", "Run MO-GOMEA on a benchmark problem and print a JSON summary.")
        {
            problem, length, seed, evaluations, archiveTarget, mutation, repair, stop, stopSmaller, alphabet,
            lowerBounds, instances, statistics, archive,
        };
        command.SetAction(parse =>
        {
            // Checked here rather than by the parser so that a missing option is a one-line error with exit code 2.
            foreach (Option required in new Option[] { problem, length })
            {
                if (parse.GetResult(required) is null)
                {
                    throw new UserInputException($"{required.Name} is required (see --help)");
                }
            }

            var settings = new BenchGomeaSettings
            {
                Problem = Choose(parse.GetValue(problem)!, BenchGomeaProblem.Names, "--problem"),
                Length = parse.GetValue(length),
                Seed = parse.GetValue(seed),
                Evaluations = parse.GetValue(evaluations),
                ArchiveTarget = parse.GetValue(archiveTarget),
                Mutation = Choose(parse.GetValue(mutation)!, ["none", "weak", "strong"], "--mutation") switch
                {
                    "weak" => MutationMode.Weak,
                    "strong" => MutationMode.Strong,
                    _ => MutationMode.None,
                },
                Repair = parse.GetValue(repair),
                Stop = Choose(parse.GetValue(stop)!, ["generation", "exact"], "--stop") == "exact"
                    ? StopMode.Exact : StopMode.EndOfGeneration,
                StopSmallerPopulations = parse.GetValue(stopSmaller),
                Alphabet = parse.GetValue(alphabet)!,
                LowerBounds = parse.GetValue(lowerBounds)!,
                Instances = parse.GetValue(instances)!,
                StatisticsFile = parse.GetValue(statistics),
                ArchiveFile = parse.GetValue(archive),
            };
            Console.Out.WriteLine(Run(settings).ToJson());
            return 0;
        });
        return command;
    }

    public static BenchGomeaReport Run(BenchGomeaSettings s)
    {
        Validate(s);
        BenchGomeaProblem problem = BenchGomeaProblem.Create(s);
        var options = new GomeaOptions
        {
            Seed = s.Seed,
            MaxEvaluations = s.Evaluations,
            StopMode = s.Stop,
            ArchiveTarget = s.ArchiveTarget,
            Mutation = s.Mutation,
            StopSmallerPopulations = s.StopSmallerPopulations,
            TargetFront = problem.Front,
            StopWhenTargetFrontCovered = problem.StopAtFront,
        };

        var clock = Stopwatch.StartNew();
        var engine = new GomeaEngine(problem.Function, options);
        engine.Run();
        double seconds = clock.Elapsed.TotalSeconds;

        if (s.StatisticsFile is { } statisticsFile)
        {
            BenchGomeaReport.WriteStatistics(statisticsFile, engine.Steps);
        }

        if (s.ArchiveFile is { } archiveFile)
        {
            BenchGomeaReport.WriteArchive(archiveFile, engine);
        }

        return BenchGomeaReport.Create(s, problem, engine, seconds);
    }

    private static void Validate(BenchGomeaSettings s)
    {
        if (s.Length < 2)
        {
            throw new UserInputException($"--length {s.Length}: need at least 2 genes");
        }

        if (s.Evaluations < 1)
        {
            throw new UserInputException($"--evaluations {s.Evaluations}: need at least 1");
        }

        if (s.ArchiveTarget < 1)
        {
            throw new UserInputException($"--archive-target {s.ArchiveTarget}: need at least 1");
        }

        foreach (string? output in new[] { s.StatisticsFile, s.ArchiveFile })
        {
            string? folder = output is null ? null : Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new UserInputException($"{output}: folder {folder} does not exist");
            }
        }

        if (s.Repair && s.Problem != "knapsack")
        {
            throw new UserInputException("--repair applies to --problem knapsack only");
        }
    }

    private static string Choose(string value, string[] allowed, string option)
    {
        string normalised = value.Trim().ToLowerInvariant();
        if (!allowed.Contains(normalised))
        {
            throw new UserInputException($"{option} '{value}': expected one of {string.Join(", ", allowed)}");
        }

        return normalised;
    }
}
