using Hub.Dashboard.Charts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Tests.Charts;

/// <summary>
/// Chinese labels are drawn with real glyphs. A font without them draws every character as the same
/// box, so two charts that differ only in which Chinese characters a label holds would come out
/// pixel for pixel the same; with real glyphs they differ.
/// </summary>
public class ChartGlyphTests
{
    private readonly ChartRenderer _charts = new(new ChartFont(NullLogger<ChartFont>.Instance));

    private byte[] Render(string name)
    {
        using var plot = _charts.ChildrenHealth("测试区", [new ChildBar(name, 3, 1), new ChildBar("第二街道", 0, 0)]);
        return ChartRenderer.Png(plot, 600, 300);
    }

    [Fact]
    public void A_cjk_font_is_found_on_this_machine() =>
        Assert.NotNull(new ChartFont(NullLogger<ChartFont>.Instance).Family);

    [Fact]
    public void Different_chinese_characters_draw_differently()
    {
        Assert.Equal(Render("千峰街道"), Render("千峰街道")); // deterministic: a difference below is the glyphs
        Assert.NotEqual(Render("千峰街道"), Render("兴华街道"));
    }
}
