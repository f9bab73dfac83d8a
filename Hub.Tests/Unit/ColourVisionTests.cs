using static Hub.Tests.Support.ColourVision;

namespace Hub.Tests.Unit;

/// <summary>The simulation the wall's colours are checked with behaves as dichromacy does.</summary>
public class ColourVisionTests
{
    [Fact]
    public void Red_and_green_of_one_brightness_collapse_for_red_green_blindness_but_not_for_blue_yellow()
    {
        const string red = "rgb(204, 102, 0)", green = "rgb(102, 153, 0)";
        Assert.True(Distance(red, green, Vision.Normal) > 30);
        Assert.True(Distance(red, green, Vision.Deuteranopia) < 12);
        Assert.True(Distance(red, green, Vision.Protanopia) < 15);
        Assert.True(Distance(red, green, Vision.Tritanopia) > 20);
    }

    [Fact]
    public void Contrast_is_the_wcag_ratio() =>
        Assert.Equal(21, Contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 3);
}
