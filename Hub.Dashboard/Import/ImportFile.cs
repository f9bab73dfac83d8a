using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Hub.Dashboard.Import;

/// <summary>One record of an upload: its line (NDJSON) or position (a JSON array), and the record or why it is none.</summary>
public sealed record ImportItem(int Line, JsonElement? Record, string? Problem);

/// <summary>
/// Reads an upload record by record without holding it whole: the items of a JSON array
/// (<c>application/json</c>) or the lines of NDJSON (<c>application/x-ndjson</c>).
/// </summary>
public static class ImportFile
{
    public static bool IsNdjson(string? contentType) =>
        contentType is not null && (contentType.Contains("ndjson", StringComparison.OrdinalIgnoreCase) || contentType.Contains("jsonl", StringComparison.OrdinalIgnoreCase));

    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    public static IAsyncEnumerable<ImportItem> Read(Stream body, bool ndjson, CancellationToken cancellationToken) =>
        ndjson ? Lines(body, cancellationToken) : Items(body, cancellationToken);

    private static async IAsyncEnumerable<ImportItem> Lines(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            JsonElement? record = null;
            string? problem = null;
            try
            {
                using var document = JsonDocument.Parse(text);
                record = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                problem = $"not JSON ({e.Message.Split(" Path:")[0]})";
            }
            yield return new ImportItem(line, record, problem);
        }
    }

    private static async IAsyncEnumerable<ImportItem> Items(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = 0;
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                JsonElement item;
                string? problem = null;
                try
                {
                    if (!await items.MoveNextAsync())
                    {
                        break;
                    }
                    item = items.Current;
                }
                catch (JsonException e)
                {
                    item = default;
                    problem = $"the file is not a JSON array of records from here on ({e.Message.Split(" Path:")[0]})";
                }
                position++;
                yield return problem is null ? new ImportItem(position, item, null) : new ImportItem(position, null, problem);
                if (problem is not null)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }
}
