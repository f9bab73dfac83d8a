using Hub.Grains.Model;

namespace Hub.Silo.Demo;

/// <summary>The kinds of alert the demo centers send, by the device kind that detects them.</summary>
public static class DemoIncidents
{
    public sealed record Incident(string Category, string Title, Severity[] Severities, string[] Details);

    private static readonly Incident[] Camera =
    [
        new("fire", "烟火识别", [Severity.Critical, Severity.Major], ["东侧出现明火", "楼道内疑似烟雾", "车棚附近烟火"]),
        new("crowd", "人员聚集", [Severity.Major, Severity.Minor], ["广场人员聚集超过50人", "小区门口人群聚集"]),
        new("dumping", "垃圾乱倒", [Severity.Minor, Severity.Warning], ["建筑垃圾堆放", "生活垃圾乱倒"]),
        new("road-occupation", "占道经营", [Severity.Minor, Severity.Warning], ["流动摊贩占道", "店外经营占用人行道"]),
        new("parking", "违规停车", [Severity.Warning], ["消防通道停车", "非机动车乱停放"]),
        new("manhole", "井盖异常", [Severity.Major, Severity.Minor], ["井盖缺失", "井盖移位"]),
    ];

    private static readonly Incident[] SmokeSensor =
    [
        new("smoke", "烟感报警", [Severity.Critical, Severity.Major], ["厨房烟感触发", "楼道烟感触发"]),
        new("gas", "燃气泄漏", [Severity.Critical], ["燃气浓度超限"]),
    ];

    private static readonly Incident[] WaterSensor =
    [
        new("water", "积水监测", [Severity.Major, Severity.Minor, Severity.Warning], ["地下车库积水", "低洼路段积水超过20厘米"]),
    ];

    public static Incident[] For(string deviceKind) => deviceKind switch
    {
        "smoke-sensor" => SmokeSensor,
        "water-sensor" => WaterSensor,
        _ => Camera,
    };

    /// <summary>Duty officers of the demo command centers.</summary>
    public static readonly string[] Officers = ["值班员-赵敏", "值班员-钱国强", "值班员-孙丽", "值班员-李建华", "值班员-周海燕"];

    public static readonly string[] Resolutions = ["已到场处置完毕", "已通知物业处理", "已联系消防核查，无险情", "已清理完毕", "已劝离，现场恢复正常"];
}
