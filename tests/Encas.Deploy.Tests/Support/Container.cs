using YamlDotNet.RepresentationModel;

namespace Encas.Deploy.Tests.Support;

/// <summary>One container of a workload manifest.</summary>
/// <param name="Owner">The workload.</param>
/// <param name="Node">The container's mapping.</param>
/// <param name="Init">Whether it is an init container.</param>
public sealed record Container(Manifest Owner, YamlNode Node, bool Init)
{
    /// <summary>Its name.</summary>
    public string Name => Node.Text("name") ?? "";

    /// <summary>Its image (null in a patch that leaves it alone).</summary>
    public string? Image => Node.Text("image");

    /// <summary>command followed by args, as the runtime joins them with the image's entry point.</summary>
    public IReadOnlyList<string> Command => Node.Strings("command");

    /// <summary>args.</summary>
    public IReadOnlyList<string> Args => Node.Strings("args");

    /// <summary>The names of its env entries.</summary>
    public IReadOnlyList<string> EnvNames => Node.Items("env").Select(e => e.Text("name") ?? "").ToList();

    /// <summary>Its container ports by name.</summary>
    public IReadOnlyDictionary<string, int> Ports => Node.Items("ports")
        .ToDictionary(p => p.Text("name") ?? "", p => int.Parse(p.Text("containerPort")!,
            System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The probes (readiness, liveness, startup) it declares, by kind.</summary>
    public IReadOnlyDictionary<string, YamlNode> Probes => new[] { "readinessProbe", "livenessProbe", "startupProbe" }
        .Where(p => Node.Child(p) is not null)
        .ToDictionary(p => p, p => Node.Child(p)!);

    /// <summary>Whether it runs the encas image (named encas, with or without a registry prefix).</summary>
    public bool IsEncas => Image is { } image && ImageName.Repository(image).Split('/')[^1] == "encas";

    /// <summary>encas arguments: command (minus encas), then args; the image CMD when both are empty.</summary>
    public IReadOnlyList<string> EncasArguments(Func<string, IReadOnlyList<string>> imageCmd)
    {
        var command = Command.ToList();
        if (command.Count > 0)
        {
            Assert.True(command[0] is "encas" or "/app/encas",
                $"{this}: command must start with encas, not '{command[0]}'");
            return [.. command.Skip(1), .. Args];
        }

        return Args.Count > 0 || Image is null ? Args : imageCmd(Image);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Owner} container {Name}";
}
