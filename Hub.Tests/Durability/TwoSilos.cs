using Hub.Tests.Support;

namespace Hub.Tests.Durability;

/// <summary>Two silo processes forming one cluster on a database of their own; disposing kills both.</summary>
public sealed class TwoSilos : IAsyncDisposable
{
    private TwoSilos(SiloProcess a, SiloProcess b) => (A, B) = (a, b);

    public SiloProcess A { get; }

    public SiloProcess B { get; }

    public static async Task<TwoSilos> Start(PostgresFixture postgres)
    {
        var database = await postgres.Server.CreateDatabase();
        // Settings made for each: every silo gets ports of its own.
        var a = await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile));
        try
        {
            return new TwoSilos(a, await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile)));
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    public void Deconstruct(out SiloProcess a, out SiloProcess b) => (a, b) = (A, B);

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
