namespace Hub.Dashboard.Access;

/// <summary>What an endpoint or hub method asks of its caller; every one declares exactly one (<see cref="AllowAttribute"/>).</summary>
public enum Permission
{
    /// <summary>No credential at all: signing in.</summary>
    Anyone,

    /// <summary>Any signed-in person: who am I, sign out.</summary>
    SignedIn,

    /// <summary>Reading status, alerts, charts and the topology in one's scope: every role but a department's.</summary>
    Read,

    /// <summary>A grid worker's own work from the field page: shifts, patrols, reports and 核查 in their grid.</summary>
    Field,

    /// <summary>Reading cases: whoever may read, and a department's user the cases summoned to their department.</summary>
    ReadCases,

    /// <summary>Reporting in and resolving: officers and admins, and a department's user for their department's part.</summary>
    WorkCases,

    /// <summary>Statistics over durable history: leaders and admins.</summary>
    Stats,

    /// <summary>督办: a leader (or an admin) presses a case on, one supervision level up.</summary>
    Supervise,

    /// <summary>A department's assessment: leaders and admins, and a department's user for their own department.</summary>
    DepartmentStats,

    /// <summary>Acknowledging, dispatching, resolving and closing alerts: officers and admins.</summary>
    Act,

    /// <summary>Sending check-ins and alerts: a center's key, or an admin.</summary>
    Ingest,

    /// <summary>Topology, users and keys: admins.</summary>
    Administer,

    /// <summary>Watching the hub itself — metrics, the Orleans dashboard, the API reference: admins over the whole topology.</summary>
    Operate,
}
