using Hub.Grains.Alerts;
using Hub.Grains.Model;

namespace Hub.Tests.Unit;

public class AuditTrailTests
{
    private static AuditEntry Entry(AlertEventKind action, string note) =>
        new(DateTimeOffset.UtcNow, "ZZ-01", action, AlertState.Raised, AlertState.Raised, note);

    [Fact]
    public void Merges_beyond_the_last_five_are_dropped_and_every_other_change_is_kept()
    {
        List<AuditEntry> trail = [Entry(AlertEventKind.Raised, "raised")];
        for (var i = 0; i < 4; i++)
        {
            trail = AuditTrail.Append(trail, Entry(AlertEventKind.Merged, $"m{i}"));
        }
        trail = AuditTrail.Append(trail, Entry(AlertEventKind.Escalated, "up"));
        Assert.Equal(6, trail.Count);
        trail = AuditTrail.Append(trail, Entry(AlertEventKind.Merged, "m4"));
        Assert.Equal(7, trail.Count); // five merges: none dropped yet
        trail = AuditTrail.Append(trail, Entry(AlertEventKind.Merged, "m5"));
        trail = AuditTrail.Append(trail, Entry(AlertEventKind.Merged, "m6"));
        Assert.Equal(["raised", "m2", "m3", "up", "m4", "m5", "m6"], trail.Select(e => e.Note));
    }

    [Fact]
    public void Appending_leaves_the_trail_it_was_given_as_it_was()
    {
        List<AuditEntry> trail = [Entry(AlertEventKind.Raised, "raised")];
        var next = AuditTrail.Append(trail, Entry(AlertEventKind.Merged, "m0"));
        Assert.Single(trail);
        Assert.Equal(2, next.Count);
    }
}
