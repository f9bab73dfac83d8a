using System.Diagnostics;
using Npgsql;

namespace Hub.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server: its own data directory, loopback only, a free port, no fsync.
/// Stopped and deleted on dispose. Needs PostgreSQL's binaries (the test command installs them).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hub-pg-{Guid.NewGuid():N}");
    private readonly bool _root = Environment.UserName == "root";

    public int Port { get; } = FreePort.Next();

    private string User => _root ? "postgres" : Environment.UserName;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true;Timeout=5;Command Timeout=10";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (_root)
        {
            await Run("chown", "postgres", _directory);
        }
        await Postgres("initdb", "-D", _directory, "--auth=trust", "-E", "UTF8", "--no-sync", "-U", User);
        await Start();
    }

    public async Task DisposeAsync()
    {
        await Stop();
        Directory.Delete(_directory, recursive: true);
    }

    public Task Start() => Postgres("pg_ctl", "-D", _directory, "-w", "-l", Path.Combine(_directory, "server.log"), "-o",
        $"-c listen_addresses=127.0.0.1 -p {Port} -k {_directory} -c fsync=off", "start");

    /// <summary>Stops at once, as a crash or a pulled cable would (no checkpoint).</summary>
    public async Task Stop()
    {
        if (File.Exists(Path.Combine(_directory, "postmaster.pid")))
        {
            await Postgres("pg_ctl", "-D", _directory, "-w", "-m", "immediate", "stop");
        }
    }

    /// <summary>A new empty database on this server, for one test class.</summary>
    public async Task<string> CreateDatabase()
    {
        var name = $"hub_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static string Binaries =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
        ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql); ./test.sh installs it");

    private Task Postgres(string tool, params string[] args) =>
        _root ? Run("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, tool), .. args]) : Run(Path.Combine(Binaries, tool), args);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
