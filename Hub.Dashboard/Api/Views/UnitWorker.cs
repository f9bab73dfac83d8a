using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Views;

/// <summary>A grid worker of a unit.</summary>
/// <param name="Id">The worker's id.</param>
/// <param name="Name">The worker's name.</param>
/// <param name="Role">Full-time or part-time.</param>
public sealed record UnitWorker(string Id, string Name, WorkerRole Role);
