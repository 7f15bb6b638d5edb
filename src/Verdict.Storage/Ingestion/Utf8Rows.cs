using System.Text;
using System.Text.Json;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Storage.Ingestion;

/// <summary>
/// A fast path for the common NDJSON body (the server's <c>POST /api/v1/events</c>): reads the UTF-8 bytes line by line
/// with <see cref="Utf8JsonReader"/> straight into exposures and events, without a string of the body, a document per
/// line or a field dictionary per row. It accepts only what <see cref="JsonRows"/> accepts and builds the same records;
/// anything unusual — a JSON array, a line separator other than <c>\n</c> or <c>\r\n</c>, a byte-order mark, a field of
/// another JSON type than the common one, a repeated field, <c>prop.</c>/<c>attr.</c> columns, any error, or a row the
/// sink refuses — makes it return false, and the caller reads the body again with <see cref="JsonRows.Read"/> into a fresh
/// sink, which gives the documented answer with its line and field. So every refusal still comes from one reader.
/// </summary>
public static class Utf8Rows
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>
    /// Reads <paramref name="body"/> (NDJSON, valid UTF-8) into <paramref name="sink"/> and returns true with the rows
    /// read, or returns false when the body needs <see cref="JsonRows.Read"/> (the sink may then hold some rows: discard it).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> body, IEventSink sink, out long rows)
    {
        ArgumentNullException.ThrowIfNull(sink);
        rows = 0;
        if (body.StartsWith("\uFEFF"u8) || body.Contains((byte)'\f') || body.IndexOf("\u0085"u8) >= 0 || body.IndexOf("\u2028"u8) >= 0 || body.IndexOf("\u2029"u8) >= 0)
        {
            return false;
        }

        try
        {
            while (!body.IsEmpty)
            {
                var end = body.IndexOf((byte)'\n');
                var line = end < 0 ? body : body[..end];
                body = end < 0 ? [] : body[(end + 1)..];
                if (line.EndsWith("\r"u8))
                {
                    line = line[..^1];
                }

                if (line.Contains((byte)'\r'))
                {
                    return false;
                }

                if (line.TrimStart(" \t\v"u8).IsEmpty)
                {
                    continue;
                }

                if (!TryReadLine(line, sink))
                {
                    return false;
                }

                rows++;
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidDataException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool TryReadLine(ReadOnlySpan<byte> line, IEventSink sink)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var row = default(Row);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Field(ref reader);
            if (!reader.Read() || !row.Set(field, ref reader))
            {
                return false;
            }
        }

        // The object must be the whole line.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        return row.SendTo(sink);
    }

    private static Known Field(ref Utf8JsonReader reader)
    {
        foreach (var (name, known) in Names)
        {
            if (reader.ValueTextEquals(name))
            {
                return known;
            }
        }

        var other = reader.GetString()!;
        return other.Contains('\0', StringComparison.Ordinal) || other.StartsWith("prop.", StringComparison.Ordinal) || other.StartsWith("attr.", StringComparison.Ordinal)
            ? Known.Refused
            : Known.Other;
    }

    private static readonly (byte[] Name, Known Field)[] Names =
    [
        ("type"u8.ToArray(), Known.Type), ("name"u8.ToArray(), Known.Name), ("unit_id"u8.ToArray(), Known.Unit),
        ("timestamp"u8.ToArray(), Known.Timestamp), ("value"u8.ToArray(), Known.Value), ("properties"u8.ToArray(), Known.Properties),
        ("idempotency_key"u8.ToArray(), Known.Key), ("experiment"u8.ToArray(), Known.Experiment), ("version"u8.ToArray(), Known.Version),
        ("arm"u8.ToArray(), Known.Arm), ("receipt_hash"u8.ToArray(), Known.Receipt), ("attributes"u8.ToArray(), Known.Attributes),
    ];

    private enum Known
    {
        Other, Refused, Type, Name, Unit, Timestamp, Value, Properties, Key, Experiment, Version, Arm, Receipt, Attributes,
    }

    /// <summary>One row's fields as <see cref="RawRow"/> would read them (null text = missing, null, or empty).</summary>
    private struct Row
    {
        private int seen;
        private bool hasArm;
        private string? type, name, unit, key, experiment, arm, receipt;
        private long? version;
        private DateTimeOffset? timestamp;
        private double? value;
        private IReadOnlyDictionary<string, string>? properties, attributes;

        public bool Set(Known field, ref Utf8JsonReader reader)
        {
            if (field == Known.Refused)
            {
                return false;
            }

            if (field != Known.Other)
            {
                var bit = 1 << (int)field;
                if ((seen & bit) != 0)
                {
                    return false;
                }

                seen |= bit;
            }

            switch (field)
            {
                case Known.Type: return Text(ref reader, out type);
                case Known.Name: return Text(ref reader, out name);
                case Known.Unit: return Text(ref reader, out unit);
                case Known.Key: return Text(ref reader, out key);
                case Known.Experiment: return Text(ref reader, out experiment);
                case Known.Receipt: return Text(ref reader, out receipt);
                case Known.Arm:
                    hasArm = true;
                    return Text(ref reader, out arm);
                case Known.Version:
                    // Only an exposure reads it: anything but a whole number in range leaves it unset, which an exposure declines.
                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) && v is >= 1 and <= int.MaxValue ? v : null;
                    return reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) && (reader.TokenType != JsonTokenType.String || !reader.GetString()!.Contains('\0', StringComparison.Ordinal));
                case Known.Timestamp:
                    timestamp = Timestamp(ref reader);
                    return timestamp is not null;
                case Known.Value:
                    return Number(ref reader, out value);
                case Known.Properties: return Map(ref reader, out properties);
                case Known.Attributes: return Map(ref reader, out attributes);
                default:
                    // An unknown field: ignored, as the reader ignores it, unless it holds what the reader refuses.
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => !reader.GetString()!.Contains('\0', StringComparison.Ordinal),
                        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => true,
                        _ => false,
                    };
            }
        }

        public readonly bool SendTo(IEventSink sink)
        {
            var isExposure = type switch
            {
                null => hasArm,
                "exposure" => true,
                "event" => false,
                _ => (bool?)null,
            };
            if (isExposure is null || unit is null || string.IsNullOrWhiteSpace(unit) || timestamp is not { } time)
            {
                return false;
            }

            if (isExposure.Value)
            {
                if (string.IsNullOrWhiteSpace(experiment) || string.IsNullOrWhiteSpace(arm) || version is not { } v)
                {
                    return false;
                }

                sink.Add(new ExposureRecord(experiment, (int)v, unit, arm, time, receipt, attributes ?? Empty));
                return true;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                return false;
            }

            var map = properties ?? Empty;
            sink.Add(new OutcomeEvent(name, unit, time, value, map, key ?? RawRow.DerivedKey(name, unit, time, value, map)));
            return true;
        }

        /// <summary>A string (no NUL) or null; empty reads as missing, as <see cref="RawRow"/> reads it.</summary>
        private static bool Text(ref Utf8JsonReader reader, out string? text)
        {
            text = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            var read = reader.GetString()!;
            text = read.Length == 0 ? null : read;
            return !read.Contains('\0', StringComparison.Ordinal);
        }

        private static bool Number(ref Utf8JsonReader reader, out double? number)
        {
            number = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return true;
                case JsonTokenType.Number when reader.TryGetInt64(out var l):
                    number = l;
                    return true;
                case JsonTokenType.Number when reader.TryGetDouble(out var d) && double.IsFinite(d):
                    number = d;
                    return true;
                case JsonTokenType.String when reader.ValueSpan.IsEmpty:
                    return true;
                default:
                    return false;
            }
        }

        private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.TryGetInt64(out var ms) ? EventTimestamp.FromEpochMilliseconds(ms) : null;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            return !reader.ValueIsEscaped && UtcTimestamp.TryParse(reader.ValueSpan, out var utc) ? utc : EventTimestamp.Parse(reader.GetString()!);
        }

        /// <summary>An object of strings, numbers, booleans and nulls, as <see cref="RawRow.ObjectToMap"/> reads it; null stays null.</summary>
        private static bool Map(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, string>? map)
        {
            map = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var read = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var text = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => string.Empty,
                    _ => null,
                };
                if (text is null || name.Contains('\0', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
                {
                    return false;
                }

                read[name] = text;
            }

            map = read;
            return reader.TokenType == JsonTokenType.EndObject;
        }
    }
}
