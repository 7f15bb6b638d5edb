namespace Verdict.Experiments.Events;

/// <summary>
/// One outcome event: a named thing that happened to a unit at a time, with an optional numeric value, string
/// properties, and an idempotency key that makes re-ingestion harmless (docs/events.md).
/// </summary>
public sealed record OutcomeEvent(
    string Name,
    string UnitId,
    DateTimeOffset Timestamp,
    double? Value,
    IReadOnlyDictionary<string, string> Properties,
    string IdempotencyKey);
