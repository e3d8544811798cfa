using Encas.Gomea.Engine;
using Encas.Gomea.Problems;

namespace Encas.Gomea.Tests;

public sealed class GoldenTraceTests
{
    [Fact]
    public void ZeromaxOnemax100_Seed1_ReproducesStatistics()
    {
        string golden = SharedData.Require("golden", "zm100_seed1_statistics.dat");
        var engine = new GomeaEngine(new ZeromaxOnemax(100), new GomeaOptions
        {
            Seed = 1,
            MaxEvaluations = 10_000_000,
            TargetFront = ZeromaxOnemax.ParetoFront(100),
            StopWhenTargetFrontCovered = true,
        });

        engine.Run();

        GoldenStatistics.AssertMatches(golden, engine.Steps);
        Assert.Equal(18_181, engine.Evaluations);
    }
}
