using Encas.Core.Search;
using Encas.Messages;

namespace Encas.SearchNode.Tests;

public sealed class IslandMessageExtractorTests
{
    private static readonly IslandSpec Spec = new("/pool", SearchSpec.From(new SearchSettings()), "/work");

    [Fact]
    public void EntityId_OfACommand_IsTheIslandsAddress()
    {
        var extractor = new IslandMessageExtractor();
        var island = new IslandAddress("exp-1", 3, 2);

        Assert.Equal("exp-1.r3.i2", extractor.EntityId(new AdvanceIsland(island, Spec, 1, null)));
        Assert.Equal("exp-1.r3.i2", extractor.EntityId(new SettleIsland(island, Spec, 1, null, [])));
    }

    [Fact]
    public void EntityId_OfAnyOtherMessage_IsNull()
    {
        Assert.Null(new IslandMessageExtractor().EntityId("hello"));
        Assert.Null(new IslandMessageExtractor().EntityId(new GetExperiment("x")));
    }

    [Fact]
    public void ShardId_IsStableAndWithinTheShardCount()
    {
        var a = new IslandMessageExtractor(7);
        var b = new IslandMessageExtractor(7);
        var ids = Enumerable.Range(0, 200).Select(i => new IslandAddress($"e{i % 5}", i % 10, i % 4).EntityId).ToList();

        var shards = ids.Select(id => a.ShardId(id)).ToList();

        Assert.Equal(shards, ids.Select(id => b.ShardId(id)));
        Assert.All(shards, s => Assert.InRange(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture), 0, 6));
        Assert.True(shards.Distinct().Count() > 1, "every island landed on one shard");
    }

    [Fact]
    public void Constructor_NoShards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IslandMessageExtractor(0));
    }
}
