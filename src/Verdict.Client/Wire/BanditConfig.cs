using Verdict.Assignment.Bandits;

namespace Verdict.Client.Wire;

/// <summary>
/// A bandit's serving schedule in the config (docs/server.md, "Config"; docs/bandits.md, "Serving"): every period's
/// cohort and the arms' bucket ranges inside it. Units in an opened cohort keep that period's arm for good; units
/// whose bucket lies in a cohort not opened yet are not enrolled.
/// </summary>
public sealed record BanditConfig
{
    /// <summary>The current period's index (the last entry of <see cref="Periods"/>).</summary>
    public required int Period { get; init; }

    /// <summary>The share of all units each period's cohort enrols.</summary>
    public required double EnrollmentPerPeriod { get; init; }

    /// <summary>When the current period's weights were computed.</summary>
    public required DateTimeOffset PeriodStartedAt { get; init; }

    /// <summary>Every period so far, oldest first.</summary>
    public required IReadOnlyList<BanditPeriodConfig> Periods { get; init; }

    /// <summary>The schedule these periods describe, for an experiment hashed with <paramref name="salt"/> over <paramref name="arms"/>.</summary>
    public BanditSchedule ToSchedule(string salt, IReadOnlyList<string> arms) =>
        new(salt, arms, EnrollmentPerPeriod, Periods.Select(p => p.Weights).ToArray());

    /// <summary>The config of <paramref name="schedule"/>, whose current period was computed at <paramref name="startedAt"/>.</summary>
    public static BanditConfig From(BanditSchedule schedule, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new BanditConfig
        {
            Period = schedule.Periods.Count - 1,
            EnrollmentPerPeriod = schedule.EnrollmentPerPeriod,
            PeriodStartedAt = startedAt,
            Periods = schedule.Periods.Select(p => new BanditPeriodConfig
            {
                Index = p.Index,
                Weights = schedule.PeriodWeights[p.Index],
                Cohort = [p.Cohort.Start, p.Cohort.End],
                Ranges = p.ArmRanges.Select(r => (IReadOnlyList<int>)[r.Start, r.End]).ToArray(),
            }).ToArray(),
        };
    }
}
