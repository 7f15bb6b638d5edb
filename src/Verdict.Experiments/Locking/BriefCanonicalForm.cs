using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Locking;

/// <summary>
/// The canonical JSON of a normalized brief (snake_case keys sorted ordinally at every level, arrays in order,
/// numbers in shortest round-trip invariant form, durations as <c>10m</c>/<c>7d</c>, no whitespace) and its SHA-256.
/// Only what the author wrote (normalized) enters it: properties the model computes from others are never serialized.
/// Equivalent spellings (<c>0.5pp</c> and <c>0.005</c>, <c>0.15s</c> and <c>150ms</c>, key order, comments) hash alike.
/// The form is named by <see cref="BriefLock.CurrentAlgorithm"/>; a change to it needs a new algorithm id, and locks
/// written under an older id keep verifying (docs/brief.md, "The lock").
/// </summary>
public static class BriefCanonicalForm
{
    /// <summary>Fields left out of the hash because they change while an experiment runs without changing its plan.</summary>
    public static IReadOnlyList<string> Unhashed { get; } = ["traffic.exposure", "traffic.stage", "traffic.forced"];

    /// <summary>Every algorithm id this build can verify, newest first.</summary>
    public static IReadOnlyList<string> KnownAlgorithms { get; } = [BriefLock.CurrentAlgorithm];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new DurationConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AuthoredOnly } },
    };

    /// <summary>The canonical JSON text (the current algorithm).</summary>
    public static string Json(ExperimentBrief brief) => Node(brief).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>The canonical JSON as a node (keys sorted), for recording in a lock and naming differences.</summary>
    public static JsonObject Node(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var node = JsonSerializer.SerializeToNode(brief, Options)!.AsObject();
        var traffic = node["traffic"]!.AsObject();
        foreach (var field in Unhashed)
        {
            traffic.Remove(field["traffic.".Length..]);
        }

        return (JsonObject)Sort(node)!;
    }

    /// <summary>The lower-case hex SHA-256 of <see cref="Json"/>.</summary>
    public static string Hash(ExperimentBrief brief) => Sha256(Json(brief));

    /// <summary>The lock for <paramref name="brief"/>, recording its canonical JSON so a later change can be named.</summary>
    public static BriefLock Lock(ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var node = Node(brief);
        return new BriefLock(brief.Key, brief.Version, brief.Salt, Sha256(node.ToJsonString()), BriefLock.CurrentAlgorithm, brief.Traffic.Exposure,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(brief.Traffic.Stage.ToString()), node);
    }

    /// <summary>How <paramref name="brief"/> relates to <paramref name="existing"/> (null when there is no lock).</summary>
    /// <exception cref="InvalidDataException">The lock names an algorithm this build does not know.</exception>
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

        return Verifies(brief, existing) ? LockStatus.Matches : LockStatus.ChangedInPlace;
    }

    /// <summary>True when <paramref name="brief"/> hashes to the lock's hash under the lock's own algorithm.</summary>
    /// <exception cref="InvalidDataException">The lock names an algorithm this build does not know.</exception>
    public static bool Verifies(ExperimentBrief brief, BriefLock existing)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(existing);
        switch (existing.Algorithm)
        {
            case BriefLock.CurrentAlgorithm:
                var node = Node(brief);
                if (existing.Hash == Sha256(node.ToJsonString()))
                {
                    return true;
                }

                // Builds from 7de8500 until the canonical form dropped computed properties wrote two derived fields into
                // v1 by mistake; locks they wrote still verify against the form with those fields present.
                node["primary_alpha"] = brief.PrimaryAlpha;
                node["treatment_count"] = brief.TreatmentCount;
                return existing.Hash == Sha256(Sort(node)!.ToJsonString());
            default:
                throw new InvalidDataException(
                    $"the lock's algorithm \"{existing.Algorithm}\" is unknown to this Verdict (it verifies {string.Join(", ", KnownAlgorithms)}); use the Verdict that wrote the lock or a newer one");
        }
    }

    /// <summary>
    /// The fields whose canonical values differ between the locked plan and <paramref name="brief"/>, as
    /// <c>path: locked → now</c> lines (at most <paramref name="limit"/>); empty when the lock did not record its plan.
    /// </summary>
    public static IReadOnlyList<string> Differences(ExperimentBrief brief, BriefLock existing, int limit = 12)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.Plan is null)
        {
            return [];
        }

        var found = new List<string>();
        Diff(string.Empty, existing.Plan, Node(brief), found);
        return found.Count <= limit ? found : [.. found.Take(limit), $"… and {found.Count - limit} more"];
    }

    private static void Diff(string path, JsonNode? locked, JsonNode? now, List<string> found)
    {
        if (locked is JsonObject a && now is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Diff(path.Length == 0 ? key : $"{path}.{key}", a[key], b[key], found);
            }
        }
        else if (locked is JsonArray x && now is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                Diff($"{path}[{i}]", x[i], y[i], found);
            }
        }
        else if (!JsonNode.DeepEquals(locked, now))
        {
            found.Add($"{path}: {Show(locked)} → {Show(now)}");
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "(absent)";
        return text.Length <= 80 ? text : text[..77] + "…";
    }

    private static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>Drops properties that cannot be set (computed from others) and so were never written by the author.</summary>
    private static void AuthoredOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
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
