using Hub.Dashboard.Access;
using Hub.Grains.Alerts;
using Hub.Grains.Wire;

namespace Hub.Dashboard.Api;

/// <summary>
/// The body of each action on a case: what it needs and what it may say (API.md §5, docs/API.md
/// "The closed loop"). A missing required field is a 422 naming it.
/// </summary>
public static class ActionBody
{
    public const int MaxNoteLength = 2_000;
    public const int MaxAssigneeLength = 100;
    public const int LowestScore = 1, HighestScore = 5;

    public static AlertCommand Read(AlertAction action, Caller caller, JsonFields fields) => action switch
    {
        AlertAction.Dispatch => Command(action, caller, Note(fields), assignee: fields.Text("assignee", maxLength: MaxAssigneeLength)),
        AlertAction.Resolve => Command(action, caller, Note(fields, required: true)),
        // 不予立案 always says why.
        AlertAction.Reject => Command(action, caller, fields.Text("reason", maxLength: MaxNoteLength, multiline: true)),
        AlertAction.Verify => Command(action, caller, Note(fields), passed: fields.Bool("passed")),
        AlertAction.Rate => Command(action, caller, Note(fields), score: fields.WholeNumber("score", LowestScore, HighestScore)),
        _ => Command(action, caller, Note(fields)),
    };

    private static string? Note(JsonFields fields, bool required = false) =>
        fields.Text("note", required: required, maxLength: MaxNoteLength, multiline: true);

    private static AlertCommand Command(AlertAction action, Caller caller, string? note, string? assignee = null, bool? passed = null, int? score = null) =>
        new(action, caller.Name, note, assignee, caller.Scope, passed, score);
}
