using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hub.Grains.Model;

namespace Hub.Dashboard.Json;

/// <summary>The one JSON shape of the public contract: camelCase members, kebab-case enum names, and <see cref="WireShape"/>.</summary>
public static class HubJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(WireName.Policy, allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WireShape.Apply);
    }
}
