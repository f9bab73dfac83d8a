using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Push;
using Hub.Grains.Rollup;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Json;

/// <summary>
/// Where the contract's JSON differs from the members of the records the grains answer with:
/// members left out when they hold nothing (API.md shows them absent, not null), members for the
/// hub only, and the order of a figure's members. Written here so that the grains' types say
/// nothing of JSON.
/// </summary>
public static class WireShape
{
    private enum Rule
    {
        OmitNull,
        OmitFalse,
        Never,
    }

    private static readonly Dictionary<Type, Dictionary<string, Rule>> Rules = new()
    {
        [typeof(AlertView)] = Omitted(
            nameof(AlertView.Center), nameof(AlertView.Rating), nameof(AlertView.Parts), nameof(AlertView.Stage),
            nameof(AlertView.HandleDeadline), nameof(AlertView.HandleUsed), nameof(AlertView.Audit), nameof(AlertView.Timeline)),
        [typeof(StageView)] = Omitted(nameof(StageView.Deadline), nameof(StageView.Used), nameof(StageView.SupervisedTo)),
        [typeof(AuditEntry)] = Omitted(nameof(AuditEntry.Key), nameof(AuditEntry.Departments), nameof(AuditEntry.Notify)),
        [typeof(AlertEvent)] = Omitted(nameof(AlertEvent.Notify), nameof(AlertEvent.Departments)),
        [typeof(UnitStatus)] = Omitted(nameof(UnitStatus.LastPatrolAt)),
        [typeof(UnitSpec)] = Omitted(nameof(UnitSpec.Households), nameof(UnitSpec.Kind), nameof(UnitSpec.Category)),
        [typeof(WorkerSpec)] = Omitted(nameof(WorkerSpec.Microgrid)),
        [typeof(TimelineStage)] = new() { [nameof(TimelineStage.WorkingTime)] = Rule.OmitFalse },
        [typeof(RaiseResult)] = new() { [nameof(RaiseResult.Entry)] = Rule.Never },
        [typeof(TopologyDocument)] = new() { [nameof(TopologyDocument.DepartmentList)] = Rule.Never },
    };

    /// <summary>A figure's own members first (the unit and range, or the day), then the figures, then what is named last.</summary>
    private static readonly Dictionary<Type, (string[] First, string[] Last)> Order = new()
    {
        [typeof(UnitStats)] = ([nameof(UnitStats.Code), nameof(UnitStats.Name), nameof(UnitStats.Level), nameof(UnitStats.From), nameof(UnitStats.To)], [nameof(UnitStats.Days)]),
        [typeof(DayStats)] = ([nameof(DayStats.Day)], []),
    };

    /// <summary>A resolver modifier: applies the rules to the types they name.</summary>
    public static void Apply(JsonTypeInfo type)
    {
        if (Rules.TryGetValue(type.Type, out var rules))
        {
            foreach (var property in type.Properties.ToList())
            {
                if (!rules.TryGetValue(MemberName(property), out var rule))
                {
                    continue;
                }
                switch (rule)
                {
                    case Rule.Never:
                        type.Properties.Remove(property);
                        break;
                    case Rule.OmitNull:
                        property.ShouldSerialize = static (_, value) => value is not null;
                        break;
                    case Rule.OmitFalse:
                        property.ShouldSerialize = static (_, value) => value is true;
                        break;
                }
            }
        }
        if (Order.TryGetValue(type.Type, out var order))
        {
            foreach (var property in type.Properties)
            {
                var name = MemberName(property);
                var at = Array.IndexOf(order.First, name);
                property.Order = at >= 0 ? at - order.First.Length : order.Last.Contains(name) ? 1 : 0;
            }
        }
    }

    private static Dictionary<string, Rule> Omitted(params string[] members) => members.ToDictionary(m => m, _ => Rule.OmitNull);

    // The rules name members with nameof; the JSON name would never match one.
    private static string MemberName(JsonPropertyInfo property) =>
        (property.AttributeProvider as MemberInfo)?.Name ?? throw new InvalidOperationException($"{property.DeclaringType.Name}.{property.Name} is not a member to match a rule against");
}
