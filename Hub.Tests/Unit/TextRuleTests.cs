using Hub.Dashboard.Wire;

namespace Hub.Tests.Unit;

public class TextRuleTests
{
    [Theory]
    [InlineData("烟火识别 3号楼东侧", false)]
    [InlineData("tab\there", true)]
    [InlineData("two\r\nlines", true)]
    [InlineData("emoji 🔥 and DEL-free", false)]
    public void Ordinary_text_passes(string text, bool multiline) => Assert.Null(TextRule.Problem(text, multiline));

    [Fact]
    public void Every_c0_control_and_the_two_noncharacters_are_refused_with_their_position()
    {
        foreach (var c in Enumerable.Range(0, 32).Select(i => (char)i).Append('\uFFFE').Append('\uFFFF'))
        {
            var problem = TextRule.Problem($"ab{c}", multiline: false);
            Assert.Equal($"contains the control character U+{(int)c:X4} at position 2", problem);
        }
    }

    [Theory]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\r')]
    public void Tabs_and_line_breaks_pass_only_where_text_may_span_lines(char c)
    {
        Assert.Null(TextRule.Problem($"a{c}b", multiline: true));
        Assert.NotNull(TextRule.Problem($"a{c}b", multiline: false));
    }
}
