using Hub.Dashboard.Access;
using Hub.Grains;
using Hub.Grains.Assessment;
using Hub.Silo.Hosting;
using Hub.Silo.Storage;

namespace Hub.Tests.Unit;

/// <summary>Each checked setting at its bound is taken and one step past it is refused, by name.</summary>
public class SettingsBoundsTests
{
    [Fact]
    public void Lost_contact_minutes_run_from_above_0_to_a_day()
    {
        Assert.Empty(new HubOptions { LostContactMinutes = 1_440 }.Problems());
        Assert.Empty(new HubOptions { LostContactMinutes = 0.05 }.Problems());
        Assert.Equal(["Hub:LostContactMinutes must be more than 0 and at most 1440 minutes; it is 1441"], new HubOptions { LostContactMinutes = 1_441 }.Problems());
        Assert.Single(new HubOptions { LostContactMinutes = 0 }.Problems());
    }

    [Fact]
    public void A_time_limit_runs_up_to_366_days_and_never_is_allowed_where_it_is_null()
    {
        var options = new HubOptions();
        options.Sla.Handle.Warning = TimeSpan.FromDays(366);
        options.Sla.Ack.Warning = null;
        Assert.Empty(options.Problems());

        options.Sla.Handle.Warning = TimeSpan.FromDays(366) + TimeSpan.FromSeconds(1);
        Assert.Equal(["Hub:Sla:Handle:Warning must be more than 00:00:00 and at most 366.00:00:00 (d.hh:mm:ss); it is 366.00:00:01"], options.Problems());
    }

    [Fact]
    public void A_stage_limit_left_to_its_default_is_not_checked_twice_and_a_set_one_is()
    {
        var options = new HubOptions();
        options.Sla.Stage.Accept = new SeverityDurations { Critical = TimeSpan.Zero };
        Assert.Equal(["Hub:Sla:Stage:Accept:Critical must be more than 00:00:00 and at most 366.00:00:00 (d.hh:mm:ss); it is 00:00:00"], options.Problems());
    }

    [Fact]
    public void The_time_zone_must_be_one_the_host_knows()
    {
        Assert.Empty(new HubOptions { TimeZone = "Asia/Urumqi" }.Problems());
        Assert.Single(new HubOptions { TimeZone = "Asia/Beijing" }.Problems());
    }

    [Fact]
    public void Photos_are_kept_1_to_36600_days()
    {
        Assert.Empty(new PhotoOptions { RetentionDays = 1 }.Problems());
        Assert.Empty(new PhotoOptions { RetentionDays = 36_600 }.Problems());
        Assert.Equal(["Hub:Photos:RetentionDays must be 1 to 36600 days; it is 0"], new PhotoOptions { RetentionDays = 0 }.Problems());
        Assert.Equal(["Hub:Photos:RetentionDays must be 1 to 36600 days; it is 36601"], new PhotoOptions { RetentionDays = 36_601 }.Problems());
    }

    [Fact]
    public void History_keeps_at_least_a_day_and_its_read_pool_has_1_to_100_connections()
    {
        Assert.Empty(new HistoryOptions { RetentionDays = 1, ReadPool = 100 }.Problems());
        Assert.Equal(
            ["Hub:History:RetentionDays must be 1 to 36600 days; it is 0", "Hub:History:ReadPool must be 1 to 100 connections; it is 101"],
            new HistoryOptions { RetentionDays = 0, ReadPool = 101 }.Problems());
    }

    [Fact]
    public void A_viewer_session_cannot_outlive_its_own_limit()
    {
        Assert.Empty(new AccessOptions { ViewerSessionDays = 90, ViewerSessionMaxDays = 90 }.Problems());
        Assert.Equal(
            ["Hub:Auth:ViewerSessionMaxDays must be at least ViewerSessionDays (91); it is 90"],
            new AccessOptions { ViewerSessionDays = 91, ViewerSessionMaxDays = 90 }.Problems());
    }

    [Fact]
    public void Assessment_weights_are_0_to_100_and_not_all_0()
    {
        Assert.Empty(new AssessmentOptions { OnTimeWeight = 100, ClosedWeight = 0, ReworkWeight = 0, SatisfactionWeight = 0 }.Problems());
        Assert.Single(new AssessmentOptions { OnTimeWeight = 100.5 }.Problems());
        Assert.Single(new AssessmentOptions { OnTimeWeight = 0, ClosedWeight = 0, ReworkWeight = 0, SatisfactionWeight = 0 }.Problems());
    }

    [Fact]
    public void Postgres_needs_a_connection_string_that_npgsql_reads()
    {
        var postgres = new SiloOptions { Storage = "postgres" };
        Assert.Empty(postgres.Problems("Host=db;Username=hub;Database=hub"));
        Assert.Single(postgres.Problems(null));
        Assert.StartsWith("ConnectionStrings:Hub is not an Npgsql connection string: ", Assert.Single(postgres.Problems("Hots=db;Colour=blue")), StringComparison.Ordinal);
        Assert.Empty(new SiloOptions().Problems(null)); // memory storage needs none
    }

    [Fact]
    public void Ports_run_from_1_to_65535_and_differ()
    {
        Assert.Empty(new SiloOptions { SiloPort = 65_535, GatewayPort = 1 }.Problems(null));
        Assert.Equal(["Hub:SiloPort must be 1 to 65535; it is 65536"], new SiloOptions { SiloPort = 65_536 }.Problems(null));
        Assert.Equal(["Hub:SiloPort and Hub:GatewayPort must differ; both are 30000"], new SiloOptions { SiloPort = 30_000 }.Problems(null));
    }

    [Fact]
    public void The_metrics_port_is_a_port_of_its_own_and_the_collector_an_http_address()
    {
        Assert.Empty(new SiloOptions { Metrics = new MetricsOptions { Port = 9464 }, Otlp = new OtlpOptions { Endpoint = "http://otel-collector:4317" } }.Problems(null));
        Assert.Equal(["Hub:Metrics:Port must differ from Hub:SiloPort and Hub:GatewayPort; it is 11111"], new SiloOptions { Metrics = new MetricsOptions { Port = 11_111 } }.Problems(null));
        Assert.Equal(["Hub:Metrics:Port must be 1 to 65535; it is 0"], new SiloOptions { Metrics = new MetricsOptions { Port = 0 } }.Problems(null));
        Assert.StartsWith("Hub:Otlp:Endpoint must be an http:// or https:// address", Assert.Single(new SiloOptions { Otlp = new OtlpOptions { Endpoint = "otel-collector:4317" } }.Problems(null)), StringComparison.Ordinal);
    }
}
