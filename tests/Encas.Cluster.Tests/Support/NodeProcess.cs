using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Encas.Cluster.Tests.Support;

/// <summary>One real <c>encas</c> node process on loopback, its output collected, killable with SIGKILL.</summary>
public sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(string verb, int port, int managementPort, IEnumerable<string> args,
        IReadOnlyDictionary<string, string> environment)
    {
        Verb = verb;
        Port = port;
        ManagementPort = managementPort;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "encas.dll"));
        start.ArgumentList.Add(verb);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Collect(e.Data, stdout: true);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data, stdout: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The verb it runs (seed, search-node, …).</summary>
    public string Verb { get; }

    /// <summary>Its remoting port.</summary>
    public int Port { get; }

    /// <summary>Its management port.</summary>
    public int ManagementPort { get; }

    /// <summary>Its cluster address.</summary>
    public string Address => $"akka.tcp://encas@127.0.0.1:{Port}";

    /// <summary>HOST:PORT of its management endpoint.</summary>
    public string Management => $"127.0.0.1:{ManagementPort}";

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a node and waits until it printed its start line.</summary>
    public static async Task<NodeProcess> StartAsync(string verb, string data, int port, string? seeds,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancel, int? managementPort = null)
    {
        int management = managementPort ?? FreePort();
        var args = new List<string>
        {
            "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--management-port", management.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", data,
        };
        if (seeds is not null)
        {
            args.AddRange(["--seed-nodes", seeds]);
        }

        var node = new NodeProcess(verb, port, management, args, environment);
        var started = await Task.WhenAny(node._started.Task, Task.Delay(TimeSpan.FromSeconds(90), cancel));
        if (started != node._started.Task)
        {
            node.Dispose();
            throw new TimeoutException($"encas {verb} did not start in 90 s:\n{node.Output}");
        }

        return node;
    }

    /// <summary>A TCP port free on loopback right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: the process dies at once, as in a machine loss.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Collect(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (stdout && StartLine().IsMatch(line))
        {
            _started.TrySetResult(line);
        }
    }

    [GeneratedRegex(@"^encas [a-z-]+: node akka\.tcp://")]
    private static partial Regex StartLine();
}
