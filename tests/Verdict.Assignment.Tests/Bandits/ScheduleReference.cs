using Verdict.Testing;

namespace Verdict.Assignment.Tests.Bandits;

/// <summary>One pinned unit of the schedule: its bucket, arm and period (null when not enrolled) and propensity.</summary>
public sealed record ScheduledUnit(string Unit, int? Arm, int? Period, int Bucket, double Propensity);

/// <summary>
/// The <c>schedule</c> section of tests/reference/bandits/bandits.json (generate.py, the algorithm of docs/bandits.md in
/// Python): the salt, the enrollment per period, each period's weights and the pinned units.
/// </summary>
public sealed record ScheduleReference(string Salt, double EnrollmentPerPeriod, IReadOnlyList<IReadOnlyList<double>> PeriodWeights, IReadOnlyList<ScheduledUnit> Units)
{
    /// <summary>The section, read once.</summary>
    public static ScheduleReference Value { get; } = ReferenceJson.Read<BanditsFile>("bandits", "bandits.json").Schedule;

    /// <summary>The part of the file these tests read.</summary>
    private sealed record BanditsFile(ScheduleReference Schedule);
}
