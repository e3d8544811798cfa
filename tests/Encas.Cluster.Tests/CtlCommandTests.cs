using System.Text.Json;
using System.Text.RegularExpressions;
using Encas.Cli.Tests.Support;
using Encas.Cluster.Tests.Support;
using Encas.Node;

namespace Encas.Cluster.Tests;

/// <summary>
/// Every <c>encas ctl</c> command, run as a child process against a real cluster in the test process (a seed+search
/// node and a search node joining it, token <see cref="InProcessCluster.Token"/>).
/// </summary>
public sealed partial class CtlCommandTests(InProcessCluster cluster) : IClassFixture<InProcessCluster>
{
    private const string Done = InProcessCluster.Completed;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Should_show_one_line_per_member_then_the_count()
    {
        var result = cluster.Ctl("cluster", "show");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Stdout);
        var members = lines.Where(l => MemberLine().IsMatch(l)).ToList();
        Assert.Equal($"Count: {members.Count} nodes", lines[^1]);
        Assert.Equal(lines.Count - 1, members.Count);
        string seed = InProcessCluster.Address(cluster.Seed);
        string second = InProcessCluster.Address(cluster.Second);
        Assert.Contains(members, l => l.StartsWith($"{seed} | [search,seed] | up |  | ", StringComparison.Ordinal));
        Assert.Contains(members, l => l.StartsWith($"{second} | [search] | up |  | ", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_print_the_leader_address()
    {
        var result = cluster.Ctl("cluster", "leader");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Stdout.Trim(), new[] { cluster.Seed, cluster.Second }.Select(InProcessCluster.Address));
    }

    [Fact]
    public void Should_list_no_unreachable_member_in_a_healthy_cluster()
    {
        var result = cluster.Ctl("cluster", "unreachable");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Count: 0 unreachable"], Lines(result.Stdout));
    }

    [Fact]
    public void Should_list_the_island_sharding_type_with_both_regions()
    {
        var text = cluster.Ctl("cluster", "sharding", "regions");
        var json = cluster.Ctl("cluster", "sharding", "regions", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("island", text.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Stdout);
        var types = doc.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(["island", "precompute"], types.Select(t => t.GetProperty("type").GetString()));
        var island = types[0];
        Assert.Equal(2, island.GetProperty("regions").GetInt32());
    }

    [Fact]
    public void Should_give_region_stats_per_member_address()
    {
        var text = cluster.Ctl("cluster", "sharding", "region-stats", "island");
        var json = cluster.Ctl("cluster", "sharding", "region-stats", "island", "--json");

        Assert.Equal(0, text.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var addresses = doc.RootElement.GetProperty("regions").EnumerateArray()
            .Select(r => r.GetProperty("address").GetString()!).Order(StringComparer.Ordinal).ToList();
        var expected = new[] { cluster.Seed, cluster.Second }.Select(InProcessCluster.Address)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, addresses);
        Assert.All(expected, a => Assert.Contains(a, text.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_refuse_region_stats_of_an_unknown_type_in_one_line()
    {
        var result = cluster.Ctl("cluster", "sharding", "region-stats", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: .*not found: no sharding type 'nope' \(known: island, precompute\)$",
            OneLine(result.Stderr));
    }

    [Fact]
    public void Should_list_the_completed_experiment()
    {
        var text = cluster.Ctl("experiments");
        var json = cluster.Ctl("experiments", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Matches($@"{Done}\s*│\s*completed\s*│\s*1/1\s*│", text.Stdout);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("experiments").EnumerateArray(),
            e => e.GetProperty("experiment_id").GetString() == Done);
    }

    [Fact]
    public void Should_show_an_experiment_its_runs_and_its_islands()
    {
        var show = cluster.Ctl("experiment", "show", Done);
        var runs = cluster.Ctl("runs", Done);
        var islands = cluster.Ctl("islands", Done);

        Assert.Equal(0, show.ExitCode);
        Assert.Matches(@"(?m)^state\s+completed\s*$", show.Stdout);
        Assert.Matches(@"(?m)^evaluations\s+4000\s*$", show.Stdout);
        Assert.Equal(0, runs.ExitCode);
        Assert.Matches(@"│\s*0\s*│\s*completed\s*│", runs.Stdout);
        Assert.Equal(0, islands.ExitCode);
        var islandRows = Lines(islands.Stdout).Where(l => Regex.IsMatch(l, @"^│\s*0\s*│\s*[01]\s*│")).ToList();
        Assert.Equal(2, islandRows.Count);
        Assert.All(islandRows, r => Assert.Contains("│ yes", r, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cluster show")]
    [InlineData("cluster leader")]
    [InlineData("cluster unreachable")]
    [InlineData("experiment show ID")]
    [InlineData("runs ID")]
    [InlineData("islands ID")]
    public void Should_print_parsable_json_with_the_json_option(string command)
    {
        var result = cluster.Ctl([.. command.Replace("ID", Done, StringComparison.Ordinal).Split(' '), "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    [Fact]
    public void Should_print_a_run_archive_as_the_report_writes_it()
    {
        var result = cluster.Ctl("archive", Done, "0");
        var missing = cluster.Ctl("archive", Done, "7");

        Assert.Equal(0, result.ExitCode);
        string file = cluster.Dir.Combine("report", "runs", "run-00", "archive.csv");
        Assert.Equal(File.ReadAllText(file), result.Stdout);
        Assert.Equal(2, missing.ExitCode);
        Assert.Single(Lines(missing.Stderr));
    }

    [Fact]
    public async Task Should_cancel_a_running_experiment_with_the_token_only()
    {
        const string id = "exp-ctl-cancel";
        InProcessCluster.Check(EncasProcess.Run("submit", cluster.PoolPath, "--cluster", cluster.Management, "--out",
            cluster.Dir.Combine("unused"), "--id", id, "--runs", "1", "--evaluations", "600000", "--islands", "2",
            "--reference-point", "40,4", "--token", InProcessCluster.Token));

        var missing = cluster.Ctl("experiment", "cancel", id);
        var wrong = cluster.Ctl("experiment", "cancel", id, "--token", "wrong");
        var right = cluster.Ctl("experiment", "cancel", id, "--token", InProcessCluster.Token);

        AssertRefused(missing);
        AssertRefused(wrong);
        Assert.Equal(0, right.ExitCode);
        Assert.Equal($"{id}: cancelled", right.Stdout.Trim());
        await InProcessCluster.WaitAsync(() => State(id) == "cancelled", $"{id} cancelled");
    }

    [Theory]
    [InlineData("cluster leave akka.tcp://encas@127.0.0.1:1")]
    [InlineData("cluster down akka.tcp://encas@127.0.0.1:1")]
    [InlineData("cluster down-unreachable")]
    [InlineData("experiment cancel " + Done)]
    public void Should_refuse_mutating_commands_without_the_right_token(string command)
    {
        string[] args = command.Split(' ');

        AssertRefused(cluster.Ctl(args));
        AssertRefused(cluster.Ctl([.. args, "--token", "wrong"]));
    }

    [Theory]
    [InlineData("leave", "garbage", "'garbage' is not a cluster address (akka.tcp://encas@HOST:PORT)")]
    [InlineData("down", "akka.tcp://encas@127.0.0.1", "is not a cluster address")]
    [InlineData("leave", "akka.tcp://encas@127.0.0.1:1", "akka.tcp://encas@127.0.0.1:1 is not a member")]
    public void Should_reject_a_malformed_or_unknown_member_address_in_one_line(string verb, string address,
        string reason)
    {
        var result = cluster.Ctl("cluster", verb, address, "--token", InProcessCluster.Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, OneLine(result.Stderr), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("experiment show nope")]
    [InlineData("runs nope")]
    [InlineData("archive nope 0")]
    [InlineData("experiment cancel nope --token t")]
    public void Should_name_an_unknown_experiment_in_one_line(string command)
    {
        var result = cluster.Ctl(command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: 127\.0\.0\.1:\d+: not found: no experiment 'nope' \(see encas ctl experiments\)$",
            OneLine(result.Stderr));
    }

    [Fact]
    public async Task Should_remove_a_member_that_is_asked_to_leave()
    {
        var (node, app) = await cluster.JoinAsync(NodeRole.Gpu, "leaver");
        try
        {
            string address = InProcessCluster.Address(node);
            await InProcessCluster.WaitAsync(() => IsUp(address), $"{address} up");

            var result = cluster.Ctl("cluster", "leave", address, "--token", InProcessCluster.Token);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"leave: {address}", result.Stdout.Trim());
            await InProcessCluster.WaitAsync(() => Member(address) is null, $"{address} removed");
        }
        finally
        {
            await InProcessCluster.StopAsync(app);
        }
    }

    [Fact]
    public async Task Should_down_a_killed_member_with_down_unreachable()
    {
        using var node = await NodeProcess.StartAsync("gpu-node", cluster.Dir.Combine("killed"), NodeProcess.FreePort(),
            $"127.0.0.1:{cluster.Seed.Port}", new Dictionary<string, string>(), Cancel);
        await InProcessCluster.WaitAsync(() => IsUp(node.Address), $"{node.Address} up");
        node.Kill();
        await InProcessCluster.WaitAsync(() => cluster.Ctl("cluster", "unreachable").Stdout
            .Contains(node.Address, StringComparison.Ordinal), $"{node.Address} unreachable");

        var result = cluster.Ctl("cluster", "down-unreachable", "--token", InProcessCluster.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"downed {node.Address}", result.Stdout.Trim());
        await InProcessCluster.WaitAsync(() => Member(node.Address) is null, $"{node.Address} removed");
        Assert.Equal(["Count: 0 unreachable"], Lines(cluster.Ctl("cluster", "unreachable").Stdout));
    }

    [Fact]
    public void Should_say_in_one_line_that_the_host_cannot_be_reached()
    {
        int port = NodeProcess.FreePort();

        var result = EncasProcess.Run("ctl", "--host", $"127.0.0.1:{port}", "cluster", "show");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the management endpoint at 127.0.0.1:{port}", OneLine(result.Stderr),
            StringComparison.Ordinal);
    }

    private bool IsUp(string address) => Member(address)?.Contains("| up |", StringComparison.Ordinal) == true;

    private string? Member(string address) => Lines(cluster.Ctl("cluster", "show").Stdout)
        .FirstOrDefault(l => l.StartsWith(address + " ", StringComparison.Ordinal));

    private string? State(string id)
    {
        var result = cluster.Ctl("experiment", "show", id, "--json");
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.GetProperty("state").GetString();
    }

    private static void AssertRefused(EncasProcess.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: 127\.0\.0\.1:\d+: refused: missing or wrong bearer token$", OneLine(result.Stderr));
    }

    /// <summary>The only line of <paramref name="text"/> (fails when there are more).</summary>
    private static string OneLine(string text) => Assert.Single(Lines(text));

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^akka\.tcp://encas@127\.0\.0\.1:\d+ \| \[[a-z,]+\] \| [a-z]+ \| (unreachable)? \| \S+$")]
    private static partial Regex MemberLine();
}
