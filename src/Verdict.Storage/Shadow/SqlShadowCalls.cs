using System.Globalization;
using System.Text.Json;
using Verdict.Experiments.Analysis.Shadow;
using Verdict.Experiments.Briefs;
using Verdict.Storage.Sql;

namespace Verdict.Storage.Shadow;

/// <summary>
/// Reads the <c>shadow_call</c> events of one experiment version from a store (docs/cli.md, "verdict shadow report").
/// Unlike the analysis this brings rows into .NET: the answers are judged pair by pair, so the rows are the data; the
/// read is bounded by a row limit.
/// </summary>
public static class SqlShadowCalls
{
    /// <summary>The event name the middleware logs shadow calls under.</summary>
    public const string EventName = "shadow_call";

    /// <summary>
    /// The shadow calls of <paramref name="brief"/>'s key and version that ended in [<paramref name="from"/>,
    /// <paramref name="to"/>), oldest first, at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<ShadowCall> Load(EventStore store, ExperimentBrief brief, DateTimeOffset? from, DateTimeOffset? to, int limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var p = new SqlParameters(store.Dialect);
        var where = $"name = {p.Add(EventName)} AND {store.Dialect.JsonText("properties", p.Add(store.Dialect.JsonKey("experiment")))} = {p.Add(brief.Key)}";
        if (from is { } start)
        {
            where += $" AND ts >= {p.Add(EventLoader.ToMicroseconds(start))}";
        }

        if (to is { } end)
        {
            where += $" AND ts < {p.Add(EventLoader.ToMicroseconds(end))}";
        }

        var calls = new List<ShadowCall>();
        using var reader = store.Query($"SELECT unit_id, ts, value, properties FROM events WHERE {where} ORDER BY ts, idempotency_key LIMIT {limit.ToString(CultureInfo.InvariantCulture)}", p.Values);
        while (reader.Read())
        {
            using var json = JsonDocument.Parse(Convert.ToString(reader.GetValue(3), CultureInfo.InvariantCulture) ?? "{}");
            var properties = json.RootElement;
            if (Text(properties, "version") != brief.Version.ToString(CultureInfo.InvariantCulture) || Text(properties, "shadow_pair") is not { Length: > 0 } pair)
            {
                continue;
            }

            var latency = reader.IsDBNull(2) ? Number(properties, "latency_ms") ?? double.NaN : Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture);
            var error = Text(properties, "error");
            calls.Add(new ShadowCall(
                pair,
                Text(properties, "arm") ?? string.Empty,
                reader.GetString(0),
                EventLoader.FromMicroseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                latency,
                Text(properties, "cold") == "true",
                Number(properties, "cost_usd"),
                string.IsNullOrEmpty(error) ? null : error,
                Text(properties, "output")));
        }

        return calls;
    }

    private static string? Text(JsonElement properties, string key) =>
        properties.TryGetProperty(key, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        } : null;

    private static double? Number(JsonElement properties, string key) =>
        Text(properties, key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
