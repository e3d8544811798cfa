using System.CommandLine;
using System.Text.Json;

namespace Encas.Cli.Commands;

/// <summary>The options every <c>encas ctl</c> command takes, recursive from <c>ctl</c> down.</summary>
internal sealed class CtlOptions
{
    public Option<string> Host { get; } = new("--host")
    {
        Description = "The node's management endpoint HOST:PORT.",
        DefaultValueFactory = _ => "127.0.0.1:9110",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON.", Recursive = true };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token for mutating commands [ENCAS_MANAGEMENT_TOKEN].",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Json);
        command.Options.Add(Token);
    }

    public ManagementClient Client(ParseResult parse) => new(parse.GetValue(Host)!,
        parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("ENCAS_MANAGEMENT_TOKEN"), "--host");

    /// <summary>Prints <paramref name="json"/> raw with --json, otherwise through <paramref name="text"/>.</summary>
    public void Print(ParseResult parse, JsonElement json, Action<JsonElement> text)
    {
        if (parse.GetValue(Json))
        {
            Console.Out.WriteLine(json.GetRawText());
        }
        else
        {
            text(json);
        }
    }
}
