using Hub.Grains.Model;

namespace Hub.Grains.Localization;

/// <summary>
/// Every sentence the hub itself writes for people to read (zh-CN). Kept in one place so that it
/// can be translated; the wall screen's own labels live in its page.
/// </summary>
public static class UserText
{
    public static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.City => "市",
        UnitLevel.District => "区",
        UnitLevel.Street => "街道",
        UnitLevel.Community => "社区",
        UnitLevel.Grid => "网格",
        UnitLevel.Microgrid => "微网格",
        _ => "楼栋",
    };

    public static string LostContactTitle(string workerName) => $"网格员失联：{workerName}";

    public static string StageName(Alerts.CaseStage stage) => stage switch
    {
        Alerts.CaseStage.Accept => "受理",
        Alerts.CaseStage.Dispatch => "派遣",
        Alerts.CaseStage.ReportIn => "报到",
        Alerts.CaseStage.Handle => "处置",
        _ => "核查",
    };

    /// <summary>The line a supervision step writes in a case's audit trail.</summary>
    public static string Supervision(Alerts.CaseStage stage, int level) =>
        level >= 2 ? $"红牌督办：{StageName(stage)}超时已过一半，提级督办" : $"黄牌督办：{StageName(stage)}超时";

    public static string LostContactDetail(double minutes, DateTimeOffset lastSeen) =>
        $"超过 {minutes:0.#} 分钟无打卡，最后打卡 {lastSeen:HH:mm}";
}
