using Hub.Dashboard.Wire;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Import;

/// <summary>
/// One patrol visit of an old platform's history (历史巡查导入): a patrol check-in of a worker at a
/// unit of their grid, at its own time. Its id is kept apart from live check-in ids, so importing
/// again adds nothing and no live check-in is mistaken for it.
/// </summary>
public static class PatrolImport
{
    public static string IdOf(string worker, string id) => $"import:{worker}:{id}";

    public static CheckinRecord? Read(JsonFields f, TopologyIndex index, Func<DateTimeOffset, DateOnly> dayOf, DateTimeOffset now)
    {
        var id = f.Text("id", maxLength: 100);
        var workerId = f.Code("worker");
        var unit = f.Code("unit");
        var at = f.Time("at");
        var worker = workerId is null ? null : index.Worker(workerId);
        var node = unit is null ? null : index.Find(unit);
        if (workerId is not null && worker is null)
        {
            f.Error("worker", $"unknown worker '{workerId}'");
        }
        if (unit is not null && node is null)
        {
            f.Error("unit", $"unknown unit '{unit}'");
        }
        else if (node is not null && worker is not null && (!node.Level.IsGridHeld() || node.Owner != worker.Grid))
        {
            f.Error("unit", $"'{unit}' is not in the worker's grid '{worker.Grid}'");
        }
        if (at > now + CaseImport.Skew)
        {
            f.Error("at", "is in the future");
        }
        if (!f.IsValid || worker is null || node is null || at is null)
        {
            return null;
        }
        return new CheckinRecord(
            worker.Grid, IdOf(worker.Id, id!), worker.Id, node.Code, node.Path, CheckinKind.Patrol, at.Value, dayOf(at.Value),
            node.Children.Count == 0 ? node.Code : null);
    }
}
