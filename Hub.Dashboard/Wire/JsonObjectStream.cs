using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Hub.Dashboard.Wire;

/// <summary>
/// Reads a JSON object from a stream without holding it whole: each top-level property's value,
/// and each entry of a value that is an array, is handed over as a small document of its own. A
/// province's topology (hundreds of megabytes) is read in the memory of its largest entry.
/// </summary>
public static class JsonObjectStream
{
    /// <summary>No single entry of a document read this way comes near this (a unit is a few hundred bytes).</summary>
    public const int MaxEntryBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions EntryOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow, AllowDuplicateProperties = false };

    /// <summary>What to do with the parts of the object as they are read; each element is valid only during the call.</summary>
    public interface IVisitor
    {
        /// <summary>A property's value that is not an array.</summary>
        void Value(string name, JsonElement value);

        /// <summary>An array property starts.</summary>
        void ArrayStarts(string name);

        void Entry(string name, int index, JsonElement entry);
    }

    /// <exception cref="JsonException">The body is not a well-formed JSON object (the message says where it broke).</exception>
    /// <exception cref="BodyTooLargeException">The stream holds more than <paramref name="maxBytes"/>.</exception>
    public static async Task Read(Stream stream, long maxBytes, IVisitor visitor, CancellationToken cancellationToken)
    {
        var walk = new Walk(visitor);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int filled = 0;
            long total = 0;
            var final = false;
            while (!final)
            {
                if (filled == buffer.Length)
                {
                    // A whole entry fits well before this; only a token longer than any entry (a string of megabytes) gets here.
                    if (buffer.Length > 2 * MaxEntryBytes)
                    {
                        throw walk.TooLong();
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                final = read == 0;
                filled += read;
                total += read;
                if (total > maxBytes)
                {
                    throw new BodyTooLargeException(maxBytes);
                }
                var consumed = walk.Step(buffer.AsSpan(0, filled), final);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
            // The reader itself refuses an empty or cut-off body on the final block; this guards the walk's own state.
            if (!walk.Done)
            {
                throw new JsonException("the JSON ends before the object does");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the read stands between two chunks of the stream.</summary>
    private sealed class Walk(IVisitor visitor)
    {
        private enum Phase
        {
            Start,
            Properties,
            Value,
            Array,
            Done,
        }

        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        private Phase _phase;
        private int _index;

        public string Name { get; private set; } = "$";

        public bool Done => _phase == Phase.Done;

        /// <returns>How many bytes of <paramref name="data"/> were used; the rest is given again with more after it.</returns>
        public int Step(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            while (true)
            {
                // Each token (or whole entry) is taken entirely or not at all: an incomplete one is read again with more data.
                var before = reader.CurrentState;
                var at = (int)reader.BytesConsumed;
                if (!reader.Read() || !Take(ref reader, data))
                {
                    _state = before;
                    return at;
                }
            }
        }

        private bool Take(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            switch (_phase)
            {
                case Phase.Start:
                    _phase = reader.TokenType == JsonTokenType.StartObject ? Phase.Properties : throw new JsonException("the body must be a JSON object");
                    return true;
                case Phase.Properties when reader.TokenType == JsonTokenType.EndObject:
                    _phase = Phase.Done;
                    return true;
                case Phase.Properties:
                    Name = PropertyName(ref reader);
                    if (!_seen.Add(Name))
                    {
                        throw new JsonException($"'{Name}' is given twice");
                    }
                    _phase = Phase.Value;
                    return true;
                case Phase.Value when reader.TokenType == JsonTokenType.StartArray:
                    visitor.ArrayStarts(Name);
                    (_phase, _index) = (Phase.Array, 0);
                    return true;
                case Phase.Value:
                    if (!TryElement(ref reader, data, out var value))
                    {
                        return false;
                    }
                    visitor.Value(Name, value.RootElement);
                    value.Dispose();
                    _phase = Phase.Properties;
                    return true;
                case Phase.Array when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.Properties;
                    return true;
                case Phase.Array:
                    if (!TryElement(ref reader, data, out var entry))
                    {
                        return false;
                    }
                    visitor.Entry(Name, _index++, entry.RootElement);
                    entry.Dispose();
                    return true;
                default:
                    throw new JsonException("there is more after the object");
            }
        }

        public JsonException TooLong() => new($"an entry of '{Name}' is longer than {MaxEntryBytes} bytes");

        private static string PropertyName(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw new JsonException("a property name is not valid UTF-8");
            }
        }

        /// <summary>The value the reader stands on, whole; false when its end has not arrived yet.</summary>
        private bool TryElement(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out JsonDocument element)
        {
            element = null!;
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return data.Length - start <= MaxEntryBytes ? false : throw TooLong();
            }
            var slice = data[start..(int)reader.BytesConsumed];
            if (slice.Length > MaxEntryBytes)
            {
                throw TooLong();
            }
            // Strings are checked only when read, names never: each entry is checked whole, so a
            // broken name cannot slip through as an unknown field.
            if (!Utf8.IsValid(slice))
            {
                throw new JsonException("the body is not valid UTF-8");
            }
            element = JsonDocument.Parse(slice.ToArray(), EntryOptions);
            return true;
        }
    }
}

/// <summary>A body longer than its limit; answered 413.</summary>
public sealed class BodyTooLargeException(long maxBytes) : Exception($"the body is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
