namespace Hub.Grains.Settings;

/// <summary>
/// A settings section that can say what is wrong with it: one line per problem, naming the key,
/// what is allowed and what was given, so a wrong value stops the silo with a sentence, not a trace.
/// </summary>
public interface ICheckedSettings
{
    IReadOnlyList<string> Problems();
}
