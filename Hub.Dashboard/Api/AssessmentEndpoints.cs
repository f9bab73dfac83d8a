using System.Globalization;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Grains;
using Hub.Grains.Assessment;
using Hub.Grains.History;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Hub.Dashboard.Api;

/// <summary>考核评价: a month's ranking of a unit's children, or of the departments serving a unit, as JSON or as an xlsx table.</summary>
public static class AssessmentEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Tag = "Assessment";

    /// <summary>The other form of the answer, which the document cannot give a schema of its own beside the JSON one.</summary>
    private const string AsTable = "`?month=yyyy-MM` (this month by default); `?format=xlsx` answers the same ranking as the table a leader files (" + XlsxType + ").";

    public static RouteGroupBuilder MapAssessment(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/assessment", Assess).Allow(Permission.Stats)
            .WithSummary("A month's ranking of a unit's children (考核评价), as JSON or xlsx").WithDescription(AsTable).WithTags(Tag)
            .Answers<UnitAssessmentView>().Refuses(400, 403, 404);
        api.MapGet("/departments/{code}/assessment", AssessDepartment).Allow(Permission.DepartmentStats)
            .WithSummary("A department's month and its rank among those serving the same unit (部门考核), as JSON or xlsx").WithDescription(AsTable).WithTags(Tag)
            .Answers<DepartmentAssessmentView>().Refuses(400, 403, 404);
        return api;
    }

    private static async Task<IResult> Assess(
        string code, HttpContext http, Caller caller, TopologyCatalog topology, IHistoryStats history, HubClock clock,
        IOptions<AssessmentOptions> options, IOptions<HubOptions> hub)
    {
        var index = topology.Current;
        var (node, problem) = ScopedUnit.Find(index, caller, code);
        if (node is null)
        {
            return problem!;
        }
        if (Month(http.Request, clock) is not { } month)
        {
            return BadMonth(http.Request);
        }
        if (Format(http.Request) is not { } format)
        {
            return BadFormat(http.Request);
        }
        var last = month.AddMonths(1).AddDays(-1);
        var rows = new List<AssessmentRow>();
        foreach (var child in node.Children.Select(index.Find).OfType<UnitNode>())
        {
            var days = await history.Days(child.Code, month, last, http.RequestAborted);
            rows.Add(AssessmentRule.Row(child, days.Aggregate(DayHistory.Zero(month), (a, b) => a.Plus(b)), options.Value, hub.Value.Cases.ReworkRateOf));
        }
        var ranked = AssessmentRule.Rank(rows);
        return format == "xlsx"
            ? await Xlsx(ranked.Select(AssessmentTable.Line), AssessmentTable.Sheet, $"assessment-{code}-{Name(month)}.xlsx", http.RequestAborted)
            : Results.Ok(new UnitAssessmentView(node.Code, node.Name, node.Level, Month: Name(month), Weights: options.Value, Items: ranked));
    }

    /// <summary>
    /// A department's month and its rank among the departments serving the same unit. Leaders and
    /// admins see the whole ranking of a unit in their scope; a department's user, their own row and rank.
    /// </summary>
    private static async Task<IResult> AssessDepartment(
        string code, HttpContext http, Caller caller, TopologyCatalog topology, IAlertJournal journal, HubClock clock, IOptions<AssessmentOptions> options)
    {
        var index = topology.Current;
        if (index.Department(code) is not { } department)
        {
            return Problems.NotFound($"unknown department '{code}'");
        }
        if (caller.IsDepartment ? caller.Department != code : !caller.Covers(index, department.Unit))
        {
            return caller.IsDepartment
                ? Problems.Forbidden($"{caller.Describe()} belongs to department '{caller.Department}', not '{code}'")
                : Problems.OutsideScope(caller, department.Unit);
        }
        if (Month(http.Request, clock) is not { } month)
        {
            return BadMonth(http.Request);
        }
        if (Format(http.Request) is not { } format)
        {
            return BadFormat(http.Request);
        }
        var days = (month, month.AddMonths(1).AddDays(-1));
        var rows = new List<DepartmentAssessmentRow>();
        foreach (var sibling in index.DepartmentsServing(department.Unit))
        {
            var cases = await journal.Find(new AlertQuery(department.Unit, null, false, null, int.MaxValue, sibling.Code) { Days = days }, http.RequestAborted);
            rows.Add(DepartmentAssessmentRule.Row(sibling, cases, clock.Now, options.Value));
        }
        var ranked = DepartmentAssessmentRule.Rank(rows);
        var own = ranked.Single(r => r.Code == code);
        var shown = caller.IsDepartment ? [own] : ranked;
        return format == "xlsx"
            ? await Xlsx(shown.Select(AssessmentTable.Line), AssessmentTable.DepartmentSheet, $"assessment-{code}-{Name(month)}.xlsx", http.RequestAborted)
            : Results.Ok(new DepartmentAssessmentView(
                department.Code, department.Name, department.Unit, Month: Name(month), Weights: options.Value, Department: own, Among: ranked.Count, Items: shown));
    }

    /// <summary>The month asked for (<c>?month=2026-11</c>), or this month; null when the text is not a month.</summary>
    private static DateOnly? Month(HttpRequest request, HubClock clock)
    {
        var text = request.Query["month"].ToString();
        var today = clock.Today;
        return text.Length == 0 ? new DateOnly(today.Year, today.Month, 1)
            : DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month
            : null;
    }

    private static string? Format(HttpRequest request) => request.Query["format"].ToString() switch
    {
        "" or "json" => "json",
        "xlsx" => "xlsx",
        _ => null,
    };

    private static IResult BadMonth(HttpRequest request) => Problems.BadRequest($"month: '{request.Query["month"]}' is not a month like 2026-11");

    private static IResult BadFormat(HttpRequest request) => Problems.BadRequest($"format: '{request.Query["format"]}' is not one of json, xlsx");

    private static string Name(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<IResult> Xlsx(IEnumerable<Dictionary<string, object?>> lines, string sheet, string file, CancellationToken cancellationToken)
    {
        var table = new MemoryStream();
        await table.SaveAsAsync(lines, sheetName: sheet, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        table.Position = 0;
        return Results.File(table, XlsxType, file);
    }
}
