using Hub.Dashboard.Access;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Http;

namespace Hub.Dashboard.Api;

/// <summary>The unit a route names, when it exists and lies in the caller's scope; else the answer that says why not.</summary>
public static class ScopedUnit
{
    public static (UnitNode? Unit, IResult? Problem) Find(TopologyIndex index, Caller caller, string code) =>
        index.Find(code) is not { } node ? (null, Problems.NotFound($"unknown unit '{code}'"))
        : !caller.Covers(index, code) ? (null, Problems.OutsideScope(caller, code))
        : (node, null);
}
