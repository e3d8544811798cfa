using System.CommandLine;
using Encas.Core.Pools;
using Encas.Core.Sparse;

namespace Encas.Cli.Commands;

/// <summary><c>encas bench sparsify POOL</c>: writes the certified sparse sidecar next to a pool.</summary>
internal static class BenchSparsifyCommand
{
    public static Command Create()
    {
        var poolDir = new Argument<string>("POOL") { Description = "The pool folder." };
        var k = new Option<int>("--k")
        {
            Description = "Probabilities kept per model and sample.",
            DefaultValueFactory = _ => SparseOutputs.DefaultK,
        };
        var command = new Command("sparsify",
            "Write the top-k sparse form (with bounds) of every model next to the pool (sparse/sparse.json).")
        {
            poolDir, k,
        };
        command.SetAction(parse =>
        {
            using var pool = Pool.Open(parse.GetValue(poolDir)!, verifyChecksums: false, validateOutputs: false);
            var sidecar = SparseOutputs.Build(pool, parse.GetValue(k));
            long bytes = sidecar.Files.Values.Sum(f => f.Sum(x => x.Bytes));
            Console.WriteLine($"wrote top-{sidecar.K} sparse outputs ({bytes / 1e6:F1} MB) into "
                + Path.Combine(pool.Directory, "sparse"));
            return 0;
        });
        return command;
    }
}
