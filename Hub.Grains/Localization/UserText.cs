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
        _ => "楼栋",
    };

    public static string LostContactTitle(string workerName) => $"网格员失联：{workerName}";

    public static string LostContactDetail(double minutes, DateTimeOffset lastSeen) =>
        $"超过 {minutes:0.#} 分钟无打卡，最后打卡 {lastSeen:HH:mm}";
}
