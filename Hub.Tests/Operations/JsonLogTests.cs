using System.Text.Json;
using Hub.Tests.Support;

namespace Hub.Tests.Operations;

/// <summary>One setting turns the log into one JSON object per line, for a collector to read.</summary>
public class JsonLogTests
{
    [Fact]
    public async Task Logging_Console_FormatterName_json_writes_each_entry_as_one_json_object()
    {
        await using var silo = await SiloProcess.Start(new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" });

        var entries = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToArray();
        var topology = Assert.Single(entries, e => e.GetProperty("Category").GetString() == "Hub.Silo.Hosting.TopologyBootstrap");
        Assert.Equal("Information", topology.GetProperty("LogLevel").GetString());
        Assert.StartsWith("Topology version 1: ", topology.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, topology.GetProperty("State").GetProperty("Version").GetInt64());
        Assert.DoesNotContain(silo.Output.Split('\n'), l => l.StartsWith("info:", StringComparison.Ordinal) || l.StartsWith("warn:", StringComparison.Ordinal));
    }
}
