namespace Encas.Deploy.Tests.Support;

/// <summary>One stage of a Dockerfile: its base, name and the instructions the contract tests look at.</summary>
public sealed class DockerStage
{
    /// <summary>The FROM image, with ARG defaults substituted.</summary>
    public required string From { get; init; }

    /// <summary>The AS name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>ENTRYPOINT in exec form (null when the stage sets none).</summary>
    public IReadOnlyList<string>? Entrypoint { get; set; }

    /// <summary>CMD in exec form (null when the stage sets none).</summary>
    public IReadOnlyList<string>? Cmd { get; set; }

    /// <summary>ENV keys and values.</summary>
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>EXPOSEd ports.</summary>
    public List<int> Expose { get; } = [];

    /// <summary>The HEALTHCHECK's command text, or null.</summary>
    public string? HealthCheck { get; set; }

    /// <summary>The USER, or null.</summary>
    public string? User { get; set; }
}
