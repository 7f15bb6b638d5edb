using System.Globalization;
using Verdict.Assignment.Bandits;
using Verdict.Client.Wire;

namespace Verdict.Client;

/// <summary>
/// How the SDK serves a running bandit (docs/bandits.md, "Serving"): the arm of the unit's period cohort, and on its
/// exposure the attributes <see cref="PeriodAttribute"/> and <see cref="PropensityAttribute"/> that the honest
/// estimates read (docs/events.md, "Bandit exposures").
/// </summary>
public static class BanditExposure
{
    /// <summary>The exposure attribute holding the enrolling period (a decimal string).</summary>
    public const string PeriodAttribute = "bandit_period";

    /// <summary>The exposure attribute holding the arm's propensity in that period (shortest round-trip decimal).</summary>
    public const string PropensityAttribute = "bandit_propensity";

    /// <summary>The assignment of <paramref name="unitId"/> under <paramref name="schedule"/>: enrolled with its cohort's arm, or control and not in the experiment.</summary>
    public static VerdictAssignment Assign(ExperimentConfig experiment, BanditSchedule schedule, string unitId, ArmConfig? control)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(schedule);
        var a = schedule.Assign(unitId);
        return a.IsEnrolled
            ? new VerdictAssignment(experiment.Key, experiment.Version, unitId, experiment.Arms[a.Arm], true, "assigned") { BanditPeriod = a.Period, Propensity = a.Propensity }
            : new VerdictAssignment(experiment.Key, experiment.Version, unitId, control, false, "not_exposed");
    }

    /// <summary><paramref name="attributes"/> with a bandit assignment's period and propensity added (unchanged for other assignments).</summary>
    public static IReadOnlyDictionary<string, string>? Attributes(VerdictAssignment assignment, IReadOnlyDictionary<string, string>? attributes)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.BanditPeriod is not { } period || !assignment.InExperiment)
        {
            return attributes;
        }

        var merged = attributes is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        merged[PeriodAttribute] = period.ToString(CultureInfo.InvariantCulture);
        merged[PropensityAttribute] = (assignment.Propensity ?? double.NaN).ToString("R", CultureInfo.InvariantCulture);
        return merged;
    }
}
