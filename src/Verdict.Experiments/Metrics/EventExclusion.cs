namespace Verdict.Experiments.Metrics;

/// <summary>
/// Disqualifies a unit's qualifying event when <see cref="Event"/> follows the <see cref="After"/> event within
/// <see cref="Within"/>: "solved, unless a ticket was opened within 10 minutes after solving".
/// </summary>
public sealed record EventExclusion(string Event, TimeSpan Within, string After);
