using System.Globalization;
using System.Text.Json;

namespace Verdict.Client.Events;

/// <summary>The pieces every row writes the same way: an ISO-8601 UTC timestamp with milliseconds, a string map.</summary>
public static class RowJson
{
    /// <summary>Writes <c>"timestamp": "2026-05-18T08:00:00.000Z"</c>.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[24];
        timestamp.UtcDateTime.TryFormat(text, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteString("timestamp"u8, text[..written]);
    }

    /// <summary>Writes a string map as an object; nothing when it is null or empty.</summary>
    public static void WriteMap(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyDictionary<string, string>? map)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (map is null || map.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a number property when it is finite.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
    }
}
