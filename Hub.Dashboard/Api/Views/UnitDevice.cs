namespace Hub.Dashboard.Api.Views;

/// <summary>A device at a unit.</summary>
/// <param name="Id">The device's id.</param>
/// <param name="Kind">What it is (camera, smoke detector, …).</param>
/// <param name="Center">The governance center it reports through, when known.</param>
public sealed record UnitDevice(string Id, string Kind, string? Center);
