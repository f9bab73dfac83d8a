using Hub.Dashboard.Access;
using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;

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

    public const int MaxDepartments = 20;

    public static AlertCommand Read(AlertAction action, Caller caller, JsonFields fields) => action switch
    {
        AlertAction.Dispatch => Dispatch(caller, fields),
        AlertAction.Resolve => Command(action, caller, Note(fields, required: true), department: Department(caller, fields, required: false)),
        // 报到: an officer names the department; a department's user reports for their own.
        AlertAction.ReportIn => Command(action, caller, Note(fields), department: Department(caller, fields, required: !caller.IsDepartment)),
        // 不予立案 always says why.
        AlertAction.Reject => Command(action, caller, fields.Text("reason", maxLength: MaxNoteLength, multiline: true)),
        AlertAction.Verify => Command(action, caller, Note(fields), passed: fields.Bool("passed")),
        AlertAction.Rate => Command(action, caller, Note(fields), score: fields.WholeNumber("score", LowestScore, HighestScore)),
        // 督办 always says what is asked.
        AlertAction.Supervise => Command(action, caller, Note(fields, required: true)),
        _ => Command(action, caller, Note(fields)),
    };

    private static string? Note(JsonFields fields, bool required = false) =>
        fields.Text("note", required: required, maxLength: MaxNoteLength, multiline: true);

    /// <summary>吹哨: a dispatch may summon departments; without them it needs an assignee, as before.</summary>
    private static AlertCommand Dispatch(Caller caller, JsonFields fields)
    {
        var departments = fields.CodeList("departments", MaxDepartments);
        var assignee = fields.Text("assignee", required: departments is not { Count: > 0 }, maxLength: MaxAssigneeLength);
        return new(AlertAction.Dispatch, caller.Name, Note(fields), assignee, caller.Scope, Departments: departments);
    }

    /// <summary>The part an action is about; a department's user may name only their own department, and is taken to mean it.</summary>
    private static string? Department(Caller caller, JsonFields fields, bool required)
    {
        var named = fields.Code("department", required);
        if (!caller.IsDepartment)
        {
            return named;
        }
        if (named is not null && named != caller.Department)
        {
            fields.Error("department", $"a department's user acts for their own department '{caller.Department}' only");
        }
        return caller.Department;
    }

    private static AlertCommand Command(AlertAction action, Caller caller, string? note, string? assignee = null, bool? passed = null, int? score = null, string? department = null) =>
        new(action, caller.Name, note, assignee, caller.Scope, passed, score, Department: department, ActingDepartment: caller.IsDepartment ? caller.Department : null);
}
