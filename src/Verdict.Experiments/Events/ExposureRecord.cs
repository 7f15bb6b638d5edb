using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Events;

/// <summary>
/// One exposure: a unit saw an arm of an experiment version at a time, under a receipt (its hash), with the
/// attributes used for segments (docs/events.md).
/// </summary>
public sealed record ExposureRecord(
    string Experiment,
    int Version,
    string UnitId,
    string Arm,
    DateTimeOffset Timestamp,
    string? ReceiptHash,
    IReadOnlyDictionary<string, string> Attributes);
