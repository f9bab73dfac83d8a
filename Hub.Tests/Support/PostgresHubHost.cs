namespace Hub.Tests.Support;

/// <summary>The real hub in this process on <c>Hub:Storage=postgres</c>, with a PostgreSQL server of its own.</summary>
public class PostgresHubHost : HubHost, IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private string? _connectionString;

    public PostgresServer Database => _server;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("the server is not started");

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _connectionString = await _server.CreateDatabase();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _server.DisposeAsync();
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Hub:Storage", "postgres"),
        new("ConnectionStrings:Hub", _connectionString ?? throw new InvalidOperationException("the server is not started")),
    ];
}
