using System.Text.Json;

namespace Verdict.Client.Events;

/// <summary>An outcome event with its idempotency key, so a retried batch never counts it twice.</summary>
public sealed record OutcomeRow(string Name, string UnitId, DateTimeOffset Timestamp, double? Value, IReadOnlyDictionary<string, string>? Properties, Guid IdempotencyKey) : IEventRow
{
    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "event"u8);
        writer.WriteString("name"u8, Name);
        writer.WriteString("unit_id"u8, UnitId);
        RowJson.WriteTimestamp(writer, Timestamp);
        if (Value is { } value && double.IsFinite(value))
        {
            writer.WriteNumber("value"u8, value);
        }

        RowJson.WriteMap(writer, "properties"u8, Properties);
        writer.WriteString("idempotency_key"u8, IdempotencyKey);
        writer.WriteEndObject();
    }
}
