using Hub.Grains.Alerts;

namespace Hub.Grains.Rollup;

/// <summary>One stage's figures: how many times cases ended it, how many within its limit, and the on-time rate.</summary>
public sealed record StageFigure(int Ended, int OnTime, double? OnTimeRate)
{
    public static StageFigure Of(int ended, int onTime) => new(ended, onTime, Rate.Of(onTime, ended));
}

/// <summary>分阶段按时率: the on-time figures of each stage of the loop, from 受理 to 核查.</summary>
public sealed record StageFigures(StageFigure Accept, StageFigure Dispatch, StageFigure ReportIn, StageFigure Handle, StageFigure Verify)
{
    public static StageFigures Of(StageTally? tally)
    {
        var t = tally ?? StageTally.Empty;
        StageFigure F(CaseStage s) => StageFigure.Of(t.Ended[(int)s], t.OnTime[(int)s]);
        return new(F(CaseStage.Accept), F(CaseStage.Dispatch), F(CaseStage.ReportIn), F(CaseStage.Handle), F(CaseStage.Verify));
    }
}
