using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verdict.Experiments;

/// <summary>
/// The canonical JSON of a normalized brief (snake_case keys sorted ordinally at every level, arrays in order,
/// numbers in shortest round-trip invariant form, durations as <c>10m</c>/<c>7d</c>, no whitespace) and its SHA-256.
/// Equivalent spellings (<c>0.5pp</c> and <c>0.005</c>, <c>0.15s</c> and <c>150ms</c>, key order, comments) hash alike.
/// </summary>
public static class BriefCanonicalForm
{
    /// <summary>Fields left out of the hash because they change while an experiment runs without changing its plan.</summary>
    public static IReadOnlyList<string> Unhashed { get; } = ["traffic.exposure", "traffic.stage", "traffic.forced"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new DurationConverter() },
    };

    /// <summary>The canonical JSON text.</summary>
    public static string Json(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var node = JsonSerializer.SerializeToNode(brief, Options)!.AsObject();
        var traffic = node["traffic"]!.AsObject();
        foreach (var field in Unhashed)
        {
            traffic.Remove(field["traffic.".Length..]);
        }

        return Sort(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>The lower-case hex SHA-256 of <see cref="Json"/>.</summary>
    public static string Hash(ExperimentBrief brief) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json(brief))));

    /// <summary>The lock for <paramref name="brief"/>.</summary>
    public static BriefLock Lock(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return new BriefLock(brief.Key, brief.Version, brief.Salt, Hash(brief), BriefLock.CurrentAlgorithm, brief.Traffic.Exposure,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(brief.Traffic.Stage.ToString()));
    }

    /// <summary>How <paramref name="brief"/> relates to <paramref name="existing"/> (null when there is no lock).</summary>
    public static LockStatus Compare(ExperimentBrief brief, BriefLock? existing)
    {
        ArgumentNullException.ThrowIfNull(brief);
        if (existing is null)
        {
            return LockStatus.Missing;
        }

        if (existing.Key != brief.Key || existing.Version > brief.Version)
        {
            return LockStatus.Mismatched;
        }

        if (existing.Version < brief.Version)
        {
            return LockStatus.NewVersion;
        }

        return existing.Hash == Hash(brief) ? LockStatus.Matches : LockStatus.ChangedInPlace;
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DurationText.TryParse(reader.GetString(), out var d) ? d : throw new JsonException("expected a duration");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DurationText.Format(value));
    }
}
