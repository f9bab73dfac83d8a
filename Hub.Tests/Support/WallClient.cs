using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Dashboard.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Tests.Support;

/// <summary>A wall screen's connection through the official .NET SignalR client, recording every push with its arrival time.</summary>
public sealed class WallClient : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private WallClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("status", s => Statuses.Add((_clock.Elapsed, JsonNode.Parse(s.GetRawText())!)));
        connection.On<JsonElement>("alerts", events =>
        {
            foreach (var e in events.EnumerateArray())
            {
                Events.Add((_clock.Elapsed, JsonNode.Parse(e.GetRawText())!));
            }
        });
    }

    public HubConnection Connection { get; }

    /// <summary>Time since the client was created; compare with the arrival times below.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public ConcurrentBag<(TimeSpan At, JsonNode Status)> Statuses { get; } = [];

    public ConcurrentBag<(TimeSpan At, JsonNode Event)> Events { get; } = [];

    /// <summary>Connects to the in-process host over its test server (WebSockets), as the admin or with the given token.</summary>
    public static async Task<WallClient> Connect(HubHost host, string? token = null)
    {
        token ??= await host.Token();
        var server = host.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/wall"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new WallClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Connects to a hub process over real HTTP, as the admin.</summary>
    public static async Task<WallClient> Connect(string baseUrl)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await SignIn.Token(anonymous, SignIn.AdminUser, SignIn.AdminPassword);
        var connection = new HubConnectionBuilder()
            .WithUrl($"{baseUrl}/hubs/wall", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions))
            .Build();
        var client = new WallClient(connection);
        await connection.StartAsync();
        return client;
    }

    public async Task<JsonNode> Watch(string code) =>
        JsonNode.Parse((await Connection.InvokeAsync<JsonElement>("Watch", code)).GetRawText())!;

    public IReadOnlyList<(TimeSpan At, JsonNode Status)> StatusesOf(string code) =>
        Statuses.Where(s => s.Status["code"]!.GetValue<string>() == code).OrderBy(s => s.At).ToArray();

    public IReadOnlyList<(TimeSpan At, JsonNode Event)> EventsOf(string alertId) =>
        Events.Where(e => e.Event["alertId"]!.GetValue<string>() == alertId).OrderBy(e => e.At).ToArray();

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
