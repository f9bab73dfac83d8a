namespace Hub.Grains.Access;

/// <summary>What a signed-in person may do (API.md §9); on the wire <c>viewer</c>, <c>officer</c>, <c>leader</c>, <c>admin</c>.</summary>
public enum Role
{
    /// <summary>Reads: status, alerts, charts, the live wall.</summary>
    Viewer,

    /// <summary>Reads and acts on alerts (duty officer, 值班员).</summary>
    Officer,

    /// <summary>Reads and statistics (领导).</summary>
    Leader,

    /// <summary>Everything, plus topology, users and keys.</summary>
    Admin,

    /// <summary>A functional department's user (部门): sees and works the cases summoned to their department, nothing else.</summary>
    Department,

    /// <summary>A grid worker (网格员) in the field: their own check-ins, reports and 核查 in their grid, from the field page; nothing else.</summary>
    Worker,
}
