using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Microsoft.Extensions.Options;

namespace Hub.Grains.Time;

/// <summary>
/// The limit of each stage and of the whole handling, per severity (<c>Hub:Sla</c>): critical
/// cases run on the wall clock, the others in working time when <c>Hub:Calendar</c> is enabled.
/// </summary>
public sealed class CaseLimits
{
    private readonly SlaOptions _sla;

    public CaseLimits(IOptions<HubOptions> hub, IOptions<CalendarOptions> calendar, HubClock clock)
        : this(hub.Value.Sla, calendar.Value.Enabled ? new WorkCalendar(calendar.Value, clock.Zone) : null)
    {
    }

    public CaseLimits(SlaOptions sla, WorkCalendar? calendar = null)
    {
        _sla = sla;
        Calendar = calendar;
    }

    public WorkCalendar? Calendar { get; }

    /// <summary>The limit of <paramref name="stage"/>; null when the stage runs without a clock.</summary>
    public CaseLimit? Of(CaseStage stage, Severity severity) => Limit(_sla.LimitOf(stage, severity), severity);

    /// <summary>The limit of the whole handling, from the report (按期处置).</summary>
    public CaseLimit? Handling(Severity severity) => Limit(_sla.Handle.For(severity), severity);

    private CaseLimit? Limit(TimeSpan? length, Severity severity) => length is { } l && l > TimeSpan.Zero
        ? new CaseLimit(l, severity == Severity.Critical ? null : Calendar)
        : null;
}
