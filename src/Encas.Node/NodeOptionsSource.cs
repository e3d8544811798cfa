using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Encas.Node;

/// <summary>
/// Where a node's options come from, strongest first: the command line, the ENCAS_* environment variables
/// (<see cref="NodeEnvironment"/>), the <c>Encas</c> section of <c>appsettings.json</c> in the working folder,
/// then the defaults of <see cref="NodeOptions"/>.
/// </summary>
public static class NodeOptionsSource
{
    /// <summary>Values given on the command line (null = not given).</summary>
    /// <param name="Host">--host.</param>
    /// <param name="PublicHost">--public-host.</param>
    /// <param name="Port">--port.</param>
    /// <param name="SeedNodes">--seed-nodes.</param>
    /// <param name="ManagementHost">--management-host.</param>
    /// <param name="ManagementPort">--management-port.</param>
    /// <param name="Data">--data.</param>
    /// <param name="Journal">--journal.</param>
    /// <param name="ConnectionString">--connection-string.</param>
    public sealed record CommandLine(string? Host, string? PublicHost, int? Port, string? SeedNodes,
        string? ManagementHost, int? ManagementPort, string? Data, string? Journal, string? ConnectionString);

    /// <summary>Resolves the options of a node with <paramref name="roles"/>.</summary>
    public static NodeOptions Resolve(NodeRole roles, CommandLine given, Func<string, string?>? environment = null,
        string? appSettingsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(given);
        environment ??= Environment.GetEnvironmentVariable;
        var file = new ConfigurationBuilder()
            .SetBasePath(Path.GetFullPath(appSettingsFolder ?? Directory.GetCurrentDirectory()))
            .AddJsonFile("appsettings.json", optional: true)
            .Build()
            .GetSection("Encas");

        string? Pick(string? cli, string env, string key) =>
            cli ?? NullIfEmpty(environment(env)) ?? NullIfEmpty(file[key]);

        var defaults = new NodeOptions();
        string? journal = Pick(given.Journal, NodeEnvironment.Journal, "Journal");
        string? downAfter = Pick(null, NodeEnvironment.DownAfter, "DownAfter");
        string? retry = Pick(null, NodeEnvironment.IslandRetry, "IslandRetry");
        string? runsAtOnce = Pick(null, NodeEnvironment.MaxConcurrentRuns, "MaxConcurrentRuns");
        var options = new NodeOptions
        {
            Roles = roles,
            Host = Pick(given.Host, NodeEnvironment.Host, "Host") ?? defaults.Host,
            PublicHost = Pick(given.PublicHost, NodeEnvironment.PublicHost, "PublicHost"),
            Port = Number(given.Port, Pick(null, NodeEnvironment.Port, "Port"), "--port") ?? defaults.Port,
            SeedNodes = SplitList(Pick(given.SeedNodes, NodeEnvironment.SeedNodes, "SeedNodes")),
            ManagementHost = Pick(given.ManagementHost, NodeEnvironment.ManagementHost, "ManagementHost")
                ?? defaults.ManagementHost,
            ManagementPort = Number(given.ManagementPort,
                Pick(null, NodeEnvironment.ManagementPort, "ManagementPort"), "--management-port")
                ?? defaults.ManagementPort,
            DataDir = Pick(given.Data, NodeEnvironment.Data, "Data") ?? defaults.DataDir,
            Journal = journal is null ? defaults.Journal : ParseJournal(journal),
            ConnectionString = Pick(given.ConnectionString, NodeEnvironment.ConnectionString, "ConnectionString"),
            ManagementToken = Pick(null, NodeEnvironment.ManagementToken, "ManagementToken"),
            DownAfter = downAfter is null
                ? defaults.DownAfter
                : TimeSpan.FromSeconds(Number(null, downAfter, NodeEnvironment.DownAfter) ?? 20),
            IslandRetry = retry is null
                ? defaults.IslandRetry
                : TimeSpan.FromSeconds(Number(null, retry, NodeEnvironment.IslandRetry) ?? 60),
            MaxConcurrentRuns = Number(null, runsAtOnce, NodeEnvironment.MaxConcurrentRuns) ?? 0,
        };
        options.Validate();
        return options;
    }

    /// <summary>Splits a comma-separated list, dropping blanks.</summary>
    public static IReadOnlyList<string> SplitList(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static JournalKind ParseJournal(string text) => text.ToLowerInvariant() switch
    {
        "sqlite" => JournalKind.Sqlite,
        "postgres" or "postgresql" => JournalKind.Postgres,
        _ => throw new ArgumentException($"--journal: '{text}' is not sqlite or postgres"),
    };

    private static int? Number(int? cli, string? text, string option)
    {
        if (cli is not null)
        {
            return cli;
        }

        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a whole number");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
