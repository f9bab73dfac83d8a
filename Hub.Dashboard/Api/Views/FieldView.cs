using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Views;

/// <summary>What the field page needs to work a day, offline too: who the worker is, where they patrol, what waits for their 核查.</summary>
/// <param name="Places">The grid's buildings (and micro-grids), to patrol and to report at.</param>
/// <param name="ToVerify">Cases of the grid resolved and waiting for 核查, oldest first.</param>
/// <param name="OffPlaceMetres">How far from a place's point a patrol's position may lie before the hub counts it off its place.</param>
public sealed record FieldView(
    string Worker,
    string Name,
    WorkerRole Role,
    string Grid,
    string GridName,
    string? Microgrid,
    IReadOnlyList<FieldPlace> Places,
    IReadOnlyList<FieldCase> ToVerify,
    double OffPlaceMetres);

/// <param name="Parent">The micro-grid a building lies in, or the grid.</param>
/// <param name="Point">A building's point in the topology, <c>[lon, lat]</c>, when it has one: the phone tells the worker a patrol far from it.</param>
public sealed record FieldPlace(string Code, string Name, UnitLevel Level, string Parent, double[]? Point);

/// <param name="Place">Where it is, below the grid: 2号楼, or 第1微网格 › 2号楼.</param>
public sealed record FieldCase(string Id, string Title, string Category, Severity Severity, string Unit, string Place, DateTimeOffset At, DateTimeOffset? HandledAt);

/// <summary>A field report taken: the case it made (or found, when it was sent before) and the photos kept with it.</summary>
public sealed record FieldReportResult(string AlertId, string Outcome, int Photos);

/// <summary>The photos of a case, in the order they were stored; each is <c>GET …/photos/{number}</c>.</summary>
public sealed record CasePhotoList(IReadOnlyList<CasePhotoView> Photos);

/// <param name="Kind"><c>report</c> (with the report) or <c>verify</c> (at the 核查).</param>
public sealed record CasePhotoView(int Number, string Kind, string ContentType, int Length, DateTimeOffset At, string By);
