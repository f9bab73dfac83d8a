using System.Globalization;
using Hub.Dashboard.Access;
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

/// <summary>考核评价: a month's ranking of a unit's children, as JSON or as an xlsx table.</summary>
public static class AssessmentEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapAssessment(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/assessment", Assess).Allow(Permission.Stats);
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
        var monthText = http.Request.Query["month"].ToString();
        var month = clock.Today is var today ? new DateOnly(today.Year, today.Month, 1) : default;
        if (monthText.Length > 0 && !DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            return Problems.BadRequest($"month: '{monthText}' is not a month like 2026-11");
        }
        var format = http.Request.Query["format"].ToString();
        if (format is not ("" or "json" or "xlsx"))
        {
            return Problems.BadRequest($"format: '{format}' is not one of json, xlsx");
        }
        var last = month.AddMonths(1).AddDays(-1);
        var rows = new List<AssessmentRow>();
        foreach (var child in node.Children.Select(index.Find).OfType<UnitNode>())
        {
            var days = await history.Days(child.Code, month, last, http.RequestAborted);
            rows.Add(AssessmentRule.Row(child, days.Aggregate(DayHistory.Zero(month), (a, b) => a.Plus(b)), options.Value, hub.Value.Cases.ReworkRateOf));
        }
        var ranked = AssessmentRule.Rank(rows);
        var name = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (format == "xlsx")
        {
            var table = new MemoryStream();
            await table.SaveAsAsync(ranked.Select(AssessmentTable.Line), sheetName: AssessmentTable.Sheet, excelType: ExcelType.XLSX, cancellationToken: http.RequestAborted);
            table.Position = 0;
            return Results.File(table, XlsxType, $"assessment-{code}-{name}.xlsx");
        }
        return Results.Ok(new { node.Code, node.Name, node.Level, Month = name, Weights = options.Value, Items = ranked });
    }
}
