using System.Text.Json;
using Verdict.Client.Events;

namespace Verdict.AI;

/// <summary>
/// One model call as an outcome event (docs/sdk.md, "What the middleware logs"): value = latency in ms; properties
/// carry the arm, model, time to first token, tokens, cost, error and, for shadow calls, the pair and the answer.
/// </summary>
internal sealed class CallRow : IEventRow
{
    public required string Name { get; init; }

    public required string UnitId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Experiment { get; init; }

    public required int Version { get; init; }

    public required string Arm { get; init; }

    public required string ReceiptHash { get; init; }

    public string? Model { get; init; }

    public double LatencyMs { get; init; }

    public double? TimeToFirstTokenMs { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public double? CostUsd { get; init; }

    public string? Error { get; init; }

    public bool Streaming { get; init; }

    public string? ShadowPair { get; init; }

    public bool? Cold { get; init; }

    public string? Output { get; init; }

    public Guid IdempotencyKey { get; init; }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "event"u8);
        writer.WriteString("name"u8, Name);
        writer.WriteString("unit_id"u8, UnitId);
        RowJson.WriteTimestamp(writer, Timestamp);
        writer.WriteNumber("value"u8, LatencyMs);
        writer.WriteStartObject("properties"u8);
        writer.WriteString("experiment"u8, Experiment);
        writer.WriteNumber("version"u8, Version);
        writer.WriteString("arm"u8, Arm);
        writer.WriteString("receipt_hash"u8, ReceiptHash);
        if (Model is not null)
        {
            writer.WriteString("model"u8, Model);
        }

        writer.WriteNumber("latency_ms"u8, LatencyMs);
        RowJson.WriteNumber(writer, "ttft_ms"u8, TimeToFirstTokenMs);
        RowJson.WriteNumber(writer, "input_tokens"u8, InputTokens);
        RowJson.WriteNumber(writer, "output_tokens"u8, OutputTokens);
        RowJson.WriteNumber(writer, "cost_usd"u8, CostUsd);
        writer.WriteString("error"u8, Error ?? string.Empty);
        writer.WriteString("streaming"u8, Streaming ? "true"u8 : "false"u8);
        if (ShadowPair is not null)
        {
            writer.WriteString("shadow_pair"u8, ShadowPair);
            writer.WriteString("cold"u8, Cold == true ? "true"u8 : "false"u8);
            writer.WriteString("output"u8, Output ?? string.Empty);
        }

        writer.WriteEndObject();
        writer.WriteString("idempotency_key"u8, IdempotencyKey);
        writer.WriteEndObject();
    }
}
