using System.Diagnostics;

namespace Encas.Cli.Tests.Support;

/// <summary>Runs the real <c>encas</c> executable (built next to the tests) as a child process.</summary>
public static class EncasProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args) => Run(null, args);

    /// <summary>Runs encas; <paramref name="whileRunning"/> gets the process and its stderr lines so far.</summary>
    public static Result Run(Action<Process, Func<string>>? whileRunning, params string[] args) =>
        Run(new Dictionary<string, string>(), whileRunning, args);

    /// <summary>Runs encas with extra environment variables.</summary>
    public static Result Run(IReadOnlyDictionary<string, string> environment,
        Action<Process, Func<string>>? whileRunning, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "encas.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var errors = new System.Text.StringBuilder();
        var stderr = Task.Run(() =>
        {
            string? line;
            while ((line = process.StandardError.ReadLine()) is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(line);
                }
            }

            lock (errors)
            {
                return errors.ToString();
            }
        });
        whileRunning?.Invoke(process, () =>
        {
            lock (errors)
            {
                return errors.ToString();
            }
        });
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"encas {string.Join(' ', args)} did not finish in 5 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
