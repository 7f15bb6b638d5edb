using System.Text.Json;

namespace Verdict.Client.Events;

/// <summary>An exposure: the unit saw an arm of an experiment version under a receipt, at a time.</summary>
public sealed record ExposureRow(string Experiment, int Version, string UnitId, string Arm, string ReceiptHash, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string>? Attributes) : IEventRow
{
    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "exposure"u8);
        writer.WriteString("experiment"u8, Experiment);
        writer.WriteNumber("version"u8, Version);
        writer.WriteString("unit_id"u8, UnitId);
        writer.WriteString("arm"u8, Arm);
        RowJson.WriteTimestamp(writer, Timestamp);
        writer.WriteString("receipt_hash"u8, ReceiptHash);
        RowJson.WriteMap(writer, "attributes"u8, Attributes);
        writer.WriteEndObject();
    }
}
