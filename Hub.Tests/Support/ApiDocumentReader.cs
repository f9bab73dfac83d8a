using System.Text.Json.Nodes;

namespace Hub.Tests.Support;

/// <summary>Reads the hub's OpenAPI document: operations by method and route, their answers, and the properties a schema names.</summary>
public sealed class ApiDocumentReader(JsonNode document)
{
    public JsonNode Document => document;

    public JsonObject Paths => document["paths"]!.AsObject();

    public JsonNode? Operation(string method, string route) => document["paths"]?[route]?[method.ToLowerInvariant()];

    /// <summary>The declared answer for <paramref name="status"/>, or null.</summary>
    public static JsonNode? Response(JsonNode operation, int status) => operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The content types a declared answer or request body may have.</summary>
    public static IReadOnlyList<string> ContentTypes(JsonNode? described) =>
        described?["content"]?.AsObject().Select(c => c.Key).ToArray() ?? [];

    /// <summary>The properties an object schema names (through <c>$ref</c>, arrays' items and nullable unions); null when it names none (free-form).</summary>
    public IReadOnlySet<string>? Properties(JsonNode? schema)
    {
        schema = Resolve(schema);
        if (schema is null)
        {
            return null;
        }
        if (schema["items"] is { } items)
        {
            return Properties(items);
        }
        if (schema["properties"] is JsonObject properties)
        {
            return properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var union in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[union] is JsonArray options)
            {
                var named = options.Select(Properties).Where(p => p is not null).SelectMany(p => p!).ToHashSet(StringComparer.Ordinal);
                return named.Count > 0 ? named : null;
            }
        }
        return null;
    }

    /// <summary>The schema of one property of an object schema.</summary>
    public JsonNode? Property(JsonNode? schema, string name)
    {
        schema = Resolve(schema);
        return schema?["items"] is { } items ? Property(items, name) : Resolve(schema?["properties"]?[name]);
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; schema?["$ref"] is { } reference && hops < 10; hops++)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }
        return schema;
    }
}
