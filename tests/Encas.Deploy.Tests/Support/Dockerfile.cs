using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Encas.Deploy.Tests.Support;

/// <summary>
/// A Dockerfile read just far enough for the contract tests: stages, ENTRYPOINT/CMD, ENV, EXPOSE, HEALTHCHECK,
/// USER, and the <c># image: NAME:TAG target=STAGE roles=R,…</c> header lines that declare the images it builds.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string file, IReadOnlyList<DockerStage> stages, IReadOnlyList<DeclaredImage> images)
    {
        File = file;
        Stages = stages;
        Images = images;
    }

    /// <summary>The file, relative to the repository root.</summary>
    public string File { get; }

    /// <summary>The stages in order.</summary>
    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The images the header declares.</summary>
    public IReadOnlyList<DeclaredImage> Images { get; }

    /// <summary>The stage named <paramref name="name"/>, or null.</summary>
    public DockerStage? Stage(string name) => Stages.FirstOrDefault(s => s.Name == name);

    /// <summary>ENTRYPOINT + CMD of a stage, following FROM chains through earlier stages.</summary>
    public (IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Cmd) Command(DockerStage stage)
    {
        var entry = stage.Entrypoint;
        var cmd = stage.Cmd;
        for (var from = Stage(stage.From); from is not null && (entry is null || cmd is null); from = Stage(from.From))
        {
            entry ??= from.Entrypoint;
            cmd ??= from.Cmd;
        }

        return (entry ?? [], cmd ?? []);
    }

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static Dockerfile Load(string path, string relative)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new List<DockerStage>();
        var images = new List<DeclaredImage>();
        foreach (string raw in System.IO.File.ReadAllLines(path))
        {
            if (ImageLine().Match(raw) is { Success: true } declared)
            {
                images.Add(new DeclaredImage(declared.Groups["image"].Value, declared.Groups["target"].Value,
                    declared.Groups["roles"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        foreach (string line in Instructions(System.IO.File.ReadAllLines(path)))
        {
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            string rest = space < 0 ? "" : line[(space + 1)..].Trim();
            var stage = stages.Count > 0 ? stages[^1] : null;
            switch (keyword)
            {
                case "ARG" when stage is null:
                    var pair = rest.Split('=', 2);
                    args[pair[0]] = pair.Length > 1 ? pair[1] : "";
                    break;
                case "FROM":
                    var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                    string from = ArgReference().Replace(words[0], m => args.GetValueOrDefault(m.Groups[1].Value, ""));
                    stages.Add(new DockerStage
                    {
                        From = from,
                        Name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase)
                            ? words[2]
                            : null,
                    });
                    break;
                case "ENTRYPOINT":
                    stage!.Entrypoint = ExecForm(rest);
                    break;
                case "CMD":
                    stage!.Cmd = ExecForm(rest);
                    break;
                case "ENV":
                    foreach (Match m in EnvPair().Matches(rest))
                    {
                        stage!.Env[m.Groups["key"].Value] = m.Groups["value"].Value.Trim('"');
                    }

                    break;
                case "EXPOSE":
                    stage!.Expose.AddRange(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)));
                    break;
                case "HEALTHCHECK":
                    int cmd = rest.IndexOf("CMD ", StringComparison.Ordinal);
                    stage!.HealthCheck = cmd < 0 ? rest : rest[(cmd + 4)..];
                    break;
                case "USER":
                    stage!.User = rest;
                    break;
            }
        }

        return new Dockerfile(relative, stages, images);
    }

    private static IReadOnlyList<string> ExecForm(string text) => text.StartsWith('[')
        ? JsonSerializer.Deserialize<string[]>(text)!
        : ["/bin/sh", "-c", text];

    /// <summary>Joins continuation lines and drops comments and blank lines.</summary>
    private static IEnumerable<string> Instructions(IEnumerable<string> lines)
    {
        var current = new System.Text.StringBuilder();
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            bool continues = line.EndsWith('\\');
            current.Append(continues ? line[..^1] : line).Append(' ');
            if (!continues)
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }

    [GeneratedRegex(@"^#\s*image:\s*(?<image>\S+)\s+target=(?<target>\S+)\s+roles=(?<roles>\S+)\s*$")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex ArgReference();

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S*)")]
    private static partial Regex EnvPair();
}
