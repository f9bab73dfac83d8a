namespace Hub.Grains.Model;

public enum Severity
{
    Critical,
    Major,
    Minor,
    Warning,
}
