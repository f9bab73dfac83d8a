namespace Hub.Dashboard.Api.Views;

/// <summary>A topology that replaced the one before: its version and how much it holds.</summary>
/// <param name="Version">The stored topology's new version.</param>
/// <param name="Units">How many units it holds.</param>
/// <param name="Workers">How many grid workers.</param>
/// <param name="Devices">How many devices.</param>
/// <param name="Departments">How many functional departments.</param>
public sealed record TopologyReplaced(long Version, int Units, int Workers, int Devices, int Departments);
