using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Hub.Tests.Support;

/// <summary>A thin client of the public HTTP contract that returns status codes and raw JSON.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http => http;

    public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string? ContentType, TimeSpan? RetryAfter = null)
    {
        public JsonNode Json => Body ?? throw new InvalidOperationException($"no JSON body (status {Status})");

        /// <summary>The <c>errors</c> of an RFC 7807 answer.</summary>
        public IReadOnlyList<string> Errors => Json["errors"]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];

        public override string ToString() => $"{(int)Status} {Body?.ToJsonString()}";
    }

    public Task<Answer> Get(string path) => Send(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>The headers of an answer, by name.</summary>
    public async Task<Dictionary<string, string>> GetHeaders(string path)
    {
        using var response = await http.GetAsync(path);
        return response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The raw bytes of a successful answer (an image, a chart).</summary>
    public async Task<byte[]> GetBytes(string path)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public Task<Answer> Post(string path, object? body) => Send(new HttpRequestMessage(HttpMethod.Post, path)
    {
        Content = body is null ? null : JsonContent.Create(body, options: HubHost.Json),
    });

    public Task<Answer> Delete(string path) => Send(new HttpRequestMessage(HttpMethod.Delete, path));

    /// <summary>Any method, with an optional JSON body.</summary>
    public Task<Answer> Send(HttpMethod method, string path, object? body = null) => Send(new HttpRequestMessage(method, path)
    {
        Content = body is null ? null : JsonContent.Create(body, options: HubHost.Json),
    });

    public Task<Answer> PostRaw(string path, string body) => Send(new HttpRequestMessage(HttpMethod.Post, path)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    });

    /// <summary>A body of any media type (an NDJSON upload, a wrong type on purpose).</summary>
    public Task<Answer> PostText(string path, string body, string mediaType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });
    }

    public Task<Answer> PutRaw(string path, string body) => Send(new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    });

    public async Task<JsonNode> Status(string code)
    {
        var answer = await Get($"/api/v1/units/{code}/status");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer.Json;
    }

    public async Task<Answer> Checkins(params object[] items) => await Post("/api/v1/checkins", items);

    public async Task<Answer> Alerts(params object[] items) => await Post("/api/v1/alerts", items);

    /// <summary>Raises one alert and returns its id.</summary>
    public async Task<string> Raise(object alert)
    {
        var answer = await Alerts(alert);
        Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
        return answer.Json["results"]![0]!["alertId"]!.GetValue<string>();
    }

    private async Task<Answer> Send(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json") ?? false) ? JsonNode.Parse(text) : null;
        return new Answer(response.StatusCode, json, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta);
    }
}
