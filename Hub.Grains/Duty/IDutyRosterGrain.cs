namespace Hub.Grains.Duty;

/// <summary>A unit's duty roster, keyed by the unit's code.</summary>
[Alias("hub.IDutyRosterGrain")]
public interface IDutyRosterGrain : IGrainWithStringKey
{
    /// <summary>Replaces the whole roster; durable when it returns.</summary>
    [Alias("replace")]
    Task Replace(IReadOnlyList<Shift> shifts);

    [Alias("shifts"), ReadOnly]
    Task<IReadOnlyList<Shift>> Shifts();

    /// <summary>The shifts that cover <paramref name="at"/>.</summary>
    [Alias("on-duty"), ReadOnly]
    Task<IReadOnlyList<Shift>> OnDuty(DateTimeOffset at);
}
