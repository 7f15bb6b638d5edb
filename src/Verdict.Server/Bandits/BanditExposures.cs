using System.Globalization;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Bandits;

/// <summary>
/// Ingestion's check of a bandit's exposures (docs/bandits.md, "The server runs the schedule"): each must carry
/// <c>bandit_period</c>, and its arm and period must be the ones the served schedule gives the unit. The SDK and
/// <c>/assign</c> always agree with the schedule (a new period only adds a cohort), so a disagreeing row is a bug that
/// would otherwise stop the updater; it is refused at its line instead.
/// </summary>
public static class BanditExposures
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming <c>attributes</c> when <paramref name="exposure"/> does not fit the bandit's schedule.</summary>
    public static void Check(Registry registry, ExperimentBrief brief, ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(exposure);
        if (brief.Bandit is null || !registry.Served.TryGetValue(exposure.Experiment, out var served) || served.BanditSchedule is not { } schedule
            || served.Config.Version != exposure.Version)
        {
            return;
        }

        var name = $"{exposure.Experiment} v{exposure.Version}";
        if (exposure.Attributes.GetValueOrDefault(BanditUpdater.PeriodAttribute) is not { } text
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var period))
        {
            throw new InvalidDataException($"attributes: an exposure of the bandit {name} must carry {BanditUpdater.PeriodAttribute}, the period whose cohort enrolled the unit (the SDK adds it)");
        }

        var expected = schedule.Assign(exposure.UnitId);
        if (!expected.IsEnrolled || expected.Period != period || schedule.Arms[expected.Arm] != exposure.Arm)
        {
            var should = expected.IsEnrolled ? $"\"{schedule.Arms[expected.Arm]}\" in period {expected.Period}" : "not enrolled in any open cohort";
            throw new InvalidDataException($"attributes: unit \"{exposure.UnitId}\" is logged with \"{exposure.Arm}\" in period {period}, but the bandit {name} serves it {should}");
        }
    }
}
