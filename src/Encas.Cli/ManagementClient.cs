using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Encas.Messages.Serialization;

namespace Encas.Cli;

/// <summary>HTTP client of a node's management endpoint; failures become one-line user errors.</summary>
internal sealed class ManagementClient : IDisposable
{
    private const int ServiceUnavailableAttempts = 4;
    private readonly HttpClient _http;
    private readonly string _where;

    public ManagementClient(string hostPort, string? token, string option = "--cluster")
    {
        if (!Encas.Node.NodeOptions.TryParseHostPort(hostPort, out string host, out int port))
        {
            throw new UserInputException($"{option}: '{hostPort}' is not HOST:PORT");
        }

        _where = $"{host}:{port}";
        _http = new HttpClient { BaseAddress = new Uri($"http://{_where}/"), Timeout = TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancel)
    {
        using var response = await Send(() => _http.GetAsync(path, cancel));
        return await Read<T>(response, cancel);
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancel) =>
        await GetAsync<JsonElement>(path, cancel);

    public async Task<T> PostAsync<T>(string path, object? body, CancellationToken cancel)
    {
        using var response = await Send(() => _http.PostAsJsonAsync(path, body, EncasJson.Options, cancel));
        return await Read<T>(response, cancel);
    }

    public async Task<byte[]> GetBytesAsync(string path, CancellationToken cancel)
    {
        using var response = await Send(() => _http.GetAsync(path, cancel));
        await EnsureOk(response, cancel);
        return await response.Content.ReadAsByteArrayAsync(cancel);
    }

    public void Dispose() => _http.Dispose();

    // Every management request is idempotent (a submission names its id), so a node whose coordinator is still
    // starting (503) is simply asked again, a few times.
    private async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> send)
    {
        for (int attempt = 1; ; attempt++)
        {
            var response = await SendOnce(send);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == ServiceUnavailableAttempts)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private async Task<HttpResponseMessage> SendOnce(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new UserInputException($"cannot reach the management endpoint at {_where}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new UserInputException($"the management endpoint at {_where} did not answer in time");
        }
    }

    private async Task<T> Read<T>(HttpResponseMessage response, CancellationToken cancel)
    {
        await EnsureOk(response, cancel);
        return await response.Content.ReadFromJsonAsync<T>(EncasJson.Options, cancel)
            ?? throw new UserInputException($"{_where}: empty answer");
    }

    private async Task EnsureOk(HttpResponseMessage response, CancellationToken cancel)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string body = await response.Content.ReadAsStringAsync(cancel);
        string reason = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (string key in new[] { "error", "reason" })
                {
                    if (json.RootElement.TryGetProperty(key, out var value))
                    {
                        reason = value.ToString();
                        break;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        string what = response.StatusCode switch
        {
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => "refused",
            HttpStatusCode.NotFound => "not found",
            _ => $"HTTP {(int)response.StatusCode}",
        };
        throw new UserInputException($"{_where}: {what}: {reason}".TrimEnd(' ', ':'));
    }
}
