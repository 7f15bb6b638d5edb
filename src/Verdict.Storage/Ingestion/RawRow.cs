using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Verdict.Experiments.Events;

namespace Verdict.Storage.Ingestion;

/// <summary>
/// One row of an input file as field name → value (string, number, boolean, time, or a nested string map), turned
/// into an exposure or an outcome event with every problem reported against its line (docs/events.md).
/// </summary>
internal sealed class RawRow(string path, long line)
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);

    public string Path => path;

    public long Line => line;

    /// <summary>Sends the row to <paramref name="sink"/> as an exposure or an event.</summary>
    public void SendTo(IEventSink sink)
    {
        RefuseNul();
        var type = Text("type");
        var isExposure = type switch
        {
            null => Fields.ContainsKey("arm"),
            "exposure" => true,
            "event" => false,
            _ => throw Fail($"type must be \"exposure\" or \"event\", got \"{type}\""),
        };
        if (isExposure)
        {
            sink.Add(new ExposureRecord(
                Required("experiment"),
                Version(),
                Required("unit_id"),
                Required("arm"),
                Timestamp(),
                Text("receipt_hash"),
                Map("attributes", "attr.")));
        }
        else
        {
            var name = Required("name");
            var unit = Required("unit_id");
            var timestamp = Timestamp();
            var value = Number("value");
            var properties = Map("properties", "prop.");
            var key = Text("idempotency_key") ?? DerivedKey(name, unit, timestamp, value, properties);
            sink.Add(new OutcomeEvent(name, unit, timestamp, value, properties, key));
        }
    }

    /// <summary>A key from the event's content, so re-ingesting a file without keys still does not double-count.</summary>
    internal static string DerivedKey(string name, string unit, DateTimeOffset timestamp, double? value, IReadOnlyDictionary<string, string> properties)
    {
        var text = new StringBuilder().Append(name).Append('\n').Append(unit).Append('\n')
            .Append(EventLoader.ToMicroseconds(timestamp).ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(value?.ToString("R", CultureInfo.InvariantCulture)).Append('\n')
            .Append(EventLoader.ToJson(properties));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }

    private IngestException Fail(string reason) => new(path, line, reason);

    /// <summary>PostgreSQL's text cannot hold U+0000; refusing it everywhere keeps every engine's store the same.</summary>
    private void RefuseNul()
    {
        foreach (var (name, value) in Fields)
        {
            var bad = name.Contains('\0', StringComparison.Ordinal) || value switch
            {
                string text => text.Contains('\0', StringComparison.Ordinal),
                IReadOnlyDictionary<string, string> map => map.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || p.Value.Contains('\0', StringComparison.Ordinal)),
                _ => false,
            };
            if (bad)
            {
                throw Fail($"{name} contains a NUL character (U+0000), which no store keeps");
            }
        }
    }

    private string? Text(string field) => Fields.TryGetValue(field, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null : null;

    private string Required(string field) => Text(field) is { } s && !string.IsNullOrWhiteSpace(s) ? s : throw Fail($"{field} is missing or empty");

    private int Version()
    {
        var raw = Fields.GetValueOrDefault("version");
        return raw switch
        {
            long l when l is >= 1 and <= int.MaxValue => (int)l,
            int i when i >= 1 => i,
            double d when d >= 1 && d == Math.Floor(d) && d <= int.MaxValue => (int)d,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 1 => i,
            null => throw Fail("version is missing"),
            _ => throw Fail($"version must be a whole number ≥ 1, got \"{raw}\""),
        };
    }

    private double? Number(string field)
    {
        var raw = Fields.GetValueOrDefault(field);
        switch (raw)
        {
            case null:
                return null;
            case double d when double.IsFinite(d):
                return d;
            case long l:
                return l;
            case int i:
                return i;
            case float f when float.IsFinite(f):
                return f;
            case decimal m:
                return (double)m;
            case string s when s.Length == 0:
                return null;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v):
                return v;
            default:
                throw Fail($"{field} must be a finite number, got \"{raw}\"");
        }
    }

    private DateTimeOffset Timestamp()
    {
        var raw = Fields.GetValueOrDefault("timestamp");
        var parsed = raw switch
        {
            DateTimeOffset o => o,
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => EventTimestamp.Parse(s),
            long ms => EventTimestamp.FromEpochMilliseconds(ms),
            double ms when ms == Math.Floor(ms) && Math.Abs(ms) < 1e17 => EventTimestamp.FromEpochMilliseconds((long)ms),
            null => throw Fail("timestamp is missing"),
            _ => null,
        };
        return parsed ?? throw Fail($"timestamp must be ISO-8601 with an offset or Z (2026-05-04T10:15:00Z) or whole epoch milliseconds (1777889700000), got \"{Clip(Convert.ToString(raw, CultureInfo.InvariantCulture))}\"");
    }

    private static string? Clip(string? text) => text is { Length: > 80 } ? text[..77] + "…" : text;

    private IReadOnlyDictionary<string, string> Map(string field, string prefix)
    {
        Dictionary<string, string>? map = null;
        switch (Fields.GetValueOrDefault(field))
        {
            case null:
                break;
            case IReadOnlyDictionary<string, string> nested:
                map = new Dictionary<string, string>(nested, StringComparer.Ordinal);
                break;
            case string json when json.Length == 0:
                break;
            case string json:
                map = ParseJsonMap(json, field);
                break;
            default:
                throw Fail($"{field} must be an object of strings");
        }

        foreach (var (name, value) in Fields)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text)
            {
                (map ??= new(StringComparer.Ordinal))[name[prefix.Length..]] = text;
            }
        }

        return map is null ? Empty : map;
    }

    private Dictionary<string, string> ParseJsonMap(string json, string field)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ObjectToMap(document.RootElement, field);
        }
        catch (JsonException e)
        {
            throw Fail($"{field} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A JSON object's members as strings; nested objects and arrays are refused.</summary>
    public Dictionary<string, string> ObjectToMap(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{field} must be a JSON object");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => string.Empty,
                _ => throw Fail($"{field}.{property.Name} must be a string, number or boolean"),
            };
        }

        return map;
    }
}
