namespace Hub.Grains.Alerts;

/// <summary>The stage of the loop a case waits in, each on its own clock (督办).</summary>
public enum CaseStage
{
    /// <summary>受理: raised, waiting to be accepted.</summary>
    Accept,

    /// <summary>派遣: accepted, waiting to be dispatched.</summary>
    Dispatch,

    /// <summary>报到: summoned departments yet to report in.</summary>
    ReportIn,

    /// <summary>处置: dispatched, being handled.</summary>
    Handle,

    /// <summary>核查: resolved, waiting for the check on site.</summary>
    Verify,
}
