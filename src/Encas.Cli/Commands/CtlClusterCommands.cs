using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Encas.Cli.Commands;

/// <summary><c>encas ctl cluster …</c>: show, leader, unreachable, leave, down, down-unreachable, sharding.</summary>
internal static class CtlClusterCommands
{
    public static Command Create(CtlOptions options)
    {
        var cluster = new Command("cluster", "Cluster membership and sharding.");
        cluster.Subcommands.Add(Read(options, "show", "One line per member, then the count.", "cluster/members",
            ShowMembers));
        cluster.Subcommands.Add(Read(options, "leader", "The leader's address.", "cluster/leader",
            json => Console.Out.WriteLine(json.GetProperty("leader").GetString() ?? "no leader")));
        cluster.Subcommands.Add(Read(options, "unreachable", "Members this node sees unreachable.",
            "cluster/unreachable", ShowUnreachable));
        cluster.Subcommands.Add(Mutate(options, "leave", "Ask a member to leave gracefully.", "cluster/leave"));
        cluster.Subcommands.Add(Mutate(options, "down", "Down a member.", "cluster/down"));
        var downUnreachable = new Command("down-unreachable", "Down every unreachable member.");
        downUnreachable.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            var json = await client.PostAsync<JsonElement>("cluster/down-unreachable", null, cancel);
            options.Print(parse, json, j => Console.Out.WriteLine(
                j.GetProperty("done").GetString() is { Length: > 0 } done
                    ? $"downed {done}"
                    : "no unreachable members"));
            return 0;
        });
        cluster.Subcommands.Add(downUnreachable);
        cluster.Subcommands.Add(Sharding(options));
        return cluster;
    }

    private static Command Sharding(CtlOptions options)
    {
        var sharding = new Command("sharding", "Sharding regions.");
        sharding.Subcommands.Add(Read(options, "regions", "Sharding types with region, shard and entity counts.",
            "cluster/sharding/regions", json =>
            {
                var table = new Table().AddColumns("type", "regions", "shards", "entities");
                foreach (var r in json.GetProperty("regions").EnumerateArray())
                {
                    table.AddRow(r.GetProperty("type").GetString()!, Text(r, "regions"), Text(r, "shards"),
                        Text(r, "entities"));
                }

                AnsiConsole.Write(table);
            }));
        var type = new Argument<string>("TYPE") { Description = "The sharding type (island)." };
        var stats = new Command("region-stats", "Per region: shards and their entity counts.") { type };
        stats.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            string route = $"cluster/sharding/{Uri.EscapeDataString(parse.GetValue(type)!)}/stats";
            var json = await client.GetJsonAsync(route,
                cancel);
            options.Print(parse, json, j =>
            {
                var table = new Table().AddColumns("region", "shard", "entities");
                foreach (var region in j.GetProperty("regions").EnumerateArray())
                {
                    string address = region.GetProperty("address").GetString()!;
                    var shards = region.GetProperty("shards").EnumerateObject().ToList();
                    table.AddRow(Markup.Escape(address), shards.Count == 0 ? "-" : "", "");
                    foreach (var shard in shards.OrderBy(s => s.Name, StringComparer.Ordinal))
                    {
                        table.AddRow("", shard.Name, shard.Value.GetInt32().ToString(CultureInfo.InvariantCulture));
                    }
                }

                AnsiConsole.Write(table);
            });
            return 0;
        });
        sharding.Subcommands.Add(stats);
        return sharding;
    }

    private static void ShowMembers(JsonElement json)
    {
        var members = json.GetProperty("members").EnumerateArray().ToList();
        foreach (var m in members)
        {
            string roles = string.Join(",", m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            string reach = m.GetProperty("unreachable").GetBoolean() ? "unreachable" : "";
            Console.Out.WriteLine($"{m.GetProperty("address").GetString()} | [{roles}] | "
                + $"{m.GetProperty("status").GetString()} | {reach} | {m.GetProperty("version").GetString()}");
        }

        Console.Out.WriteLine($"Count: {members.Count} nodes");
    }

    private static void ShowUnreachable(JsonElement json)
    {
        var unreachable = json.GetProperty("unreachable").EnumerateArray().ToList();
        foreach (var address in unreachable)
        {
            Console.Out.WriteLine(address.GetString());
        }

        Console.Out.WriteLine($"Count: {unreachable.Count} unreachable");
    }

    private static Command Read(CtlOptions options, string name, string description, string path,
        Action<JsonElement> text)
    {
        var command = new Command(name, description);
        command.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            options.Print(parse, await client.GetJsonAsync(path, cancel), text);
            return 0;
        });
        return command;
    }

    private static Command Mutate(CtlOptions options, string name, string description, string path)
    {
        var address = new Argument<string>("ADDR") { Description = "The member, akka.tcp://encas@HOST:PORT." };
        var command = new Command(name, description) { address };
        command.SetAction(async (parse, cancel) =>
        {
            using var client = options.Client(parse);
            var json = await client.PostAsync<JsonElement>(
                $"{path}?address={Uri.EscapeDataString(parse.GetValue(address)!)}", null, cancel);
            options.Print(parse, json, j => Console.Out.WriteLine($"{name}: {j.GetProperty("done").GetString()}"));
            return 0;
        });
        return command;
    }

    private static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetInt32().ToString(CultureInfo.InvariantCulture);
}
