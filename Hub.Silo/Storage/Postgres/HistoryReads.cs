using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// The connections history reads use: a small pool apart from the writes', each session with a
/// statement timeout, so a city-wide report can neither starve acknowledgements nor run for ever.
/// </summary>
public sealed class HistoryReads : IAsyncDisposable
{
    public HistoryReads(string connectionString, IOptions<HistoryOptions> options)
    {
        var history = options.Value;
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = history.ReadPool,
            CommandTimeout = history.ReadTimeoutSeconds + 5,
            ApplicationName = "governance-hub-reads",
        };
        builder.Options = $"{builder.Options} -c statement_timeout={history.ReadTimeoutSeconds * 1000}".Trim();
        Source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public NpgsqlDataSource Source { get; }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
