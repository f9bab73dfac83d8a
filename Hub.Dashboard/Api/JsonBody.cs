using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Hub.Dashboard.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hub.Dashboard.Api;

/// <summary>
/// Reads a request body as JSON by hand: the size limit is enforced while reading (413), and
/// malformed JSON becomes a 400 that says where it broke, never an exception.
/// </summary>
public static class JsonBody
{
    // Duplicate names are refused: two readers of one body must never see two different values.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false };

    /// <summary>Reads a JSON object body through <paramref name="read"/>; any field problem is a 422 naming every one.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadObject<T>(HttpRequest request, int maxBytes, Func<JsonFields, T> read, bool allowEmpty = false)
    {
        var (body, problem) = await Read(request, maxBytes, allowEmpty);
        if (body is null)
        {
            return (default, problem);
        }
        using (body)
        {
            var errors = new List<string>();
            var value = read(new JsonFields(body.RootElement, "$", errors));
            return errors.Count > 0 ? (default, Problems.Invalid(errors)) : (value, null);
        }
    }

    /// <summary>
    /// Reads a body that must be a JSON array of at most <paramref name="maxItems"/> <paramref name="what"/>:
    /// another shape is a 400, more items a 413.
    /// </summary>
    /// <returns>The parsed array (dispose it), or the problem to answer with.</returns>
    public static async Task<(JsonDocument? Array, IResult? Problem)> ReadArray(HttpRequest request, int maxBytes, int maxItems, string what)
    {
        var (body, problem) = await Read(request, maxBytes);
        if (body is null)
        {
            return (null, problem);
        }
        if (body.RootElement.ValueKind != JsonValueKind.Array)
        {
            body.Dispose();
            return (null, Problems.BadRequest($"the body must be a JSON array of {what}"));
        }
        var count = body.RootElement.GetArrayLength();
        if (count > maxItems)
        {
            body.Dispose();
            return (null, Problems.TooLarge($"{count} {what} in one request; the limit is {maxItems}"));
        }
        return (body, null);
    }

    /// <summary>
    /// Lets the server read a body of up to <paramref name="maxBytes"/> (one byte more, so that a
    /// larger one is seen as larger); a 413 when its declared length is already past that.
    /// </summary>
    public static IResult? Limit(HttpRequest request, long maxBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }
        return request.ContentLength > maxBytes ? Problems.TooLarge($"the body is {request.ContentLength} bytes; the limit is {maxBytes}") : null;
    }

    /// <returns>The parsed document (dispose it), or the problem to answer with.</returns>
    public static async Task<(JsonDocument? Document, IResult? Problem)> Read(HttpRequest request, int maxBytes, bool allowEmpty = false)
    {
        if (Limit(request, maxBytes) is { } tooLarge)
        {
            return (null, tooLarge);
        }
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(16 * 1024);
                var read = await request.Body.ReadAsync(memory, request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (null, Problems.TooLarge($"the body is larger than the limit of {maxBytes} bytes"));
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"the body is larger than the limit of {maxBytes} bytes"));
        }
        if (buffer.WrittenCount == 0)
        {
            return allowEmpty
                ? (JsonDocument.Parse("{}"), null)
                : (null, Problems.BadRequest("the body is empty; a JSON document was expected"));
        }
        // The parser checks the encoding of string values only when they are read, and property names
        // never; a body is checked whole, so a broken name cannot slip through as an unknown field.
        if (!Utf8.IsValid(buffer.WrittenSpan))
        {
            return (null, Problems.BadRequest("the body is not valid UTF-8"));
        }
        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory, Options), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"the body is not valid JSON: {e.Message}"));
        }
    }
}
