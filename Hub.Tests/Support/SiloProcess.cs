using System.Diagnostics;
using System.Text;

namespace Hub.Tests.Support;

/// <summary>
/// The hub as a real separate process (the built Hub.Silo), on free ports, as an operator runs it.
/// Killed with its whole tree on dispose.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private SiloProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The process's peak and current resident memory, from <c>/proc</c> (Linux).</summary>
    public (long PeakBytes, long NowBytes) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Kb(string field) => long.Parse(status.Single(l => l.StartsWith(field, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return (Kb("VmHWM"), Kb("VmRSS"));
    }

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

    private Api? _api;

    /// <summary>The API as the bootstrap admin, signed in on first use.</summary>
    public Api Api => _api ??= As(SignIn.AdminUser, SignIn.AdminPassword);

    public Api As(string user, string password) =>
        new(new HttpClient(new SignIn.BearerHandler(() => SignIn.Token(Anonymous().Http, user, password)) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri(Url),
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>The API as a center with this key.</summary>
    public Api WithKey(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new Api(client);
    }

    public Api Anonymous() => new(new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>Starts the hub with these <c>--key value</c> settings on top of fresh ports, and waits until it listens.</summary>
    /// <summary>The hub as a newcomer runs it: the demo city, its feed and its printed users, on ports of its own.</summary>
    public static Dictionary<string, string> DemoSettings() => new()
    {
        [SignIn.BootstrapSetting] = "",
        ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Hub:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hub:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<SiloProcess> Start(IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null)
    {
        var silo = Launch(Settings(settings));
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(60));
        var exited = silo._process.WaitForExitAsync();
        var first = await Task.WhenAny(silo._up.Task, exited, deadline);
        if (first != silo._up.Task)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"the hub did not come up ({(first == exited ? "it exited" : "timed out")}):\n{silo.Output}");
        }
        return silo;
    }

    /// <summary>Runs the hub with these settings until it exits by itself (a refused start): its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExit(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        await using var silo = Launch(Settings(settings));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await silo._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the hub did not exit within {timeout}:\n{silo.Output}");
        }
        silo._process.WaitForExit(); // the last lines of output are read
        return (silo._process.ExitCode, silo.Output);
    }

    private static SiloProcess Launch(Dictionary<string, string> settings)
    {
        var process = Process.Start(StartInfo(settings)) ?? throw new InvalidOperationException("could not start the hub");
        var silo = new SiloProcess(process, settings["urls"]);
        process.OutputDataReceived += (_, e) => silo.Record(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    private static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Hub:SiloPort"] = FreePort.Next().ToString(),
            ["Hub:GatewayPort"] = FreePort.Next().ToString(),
            [SignIn.BootstrapSetting] = SignIn.AdminPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        return all;
    }

    private static ProcessStartInfo StartInfo(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hub.Silo.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }
        return start;
    }

    /// <summary>Kills the process with SIGKILL — no graceful shutdown, as a crash would. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("Governance Hub is up", StringComparison.Ordinal))
        {
            _up.TrySetResult();
        }
    }
}
