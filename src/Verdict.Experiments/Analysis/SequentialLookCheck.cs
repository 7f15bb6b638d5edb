using System.Globalization;
using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// For a group-sequential brief: the current look's information fraction (analysed units over the plan's maximum),
/// the boundary the registered design sets there, and the action. Earlier looks are taken to have happened at their
/// registered fractions; a look between registered fractions is spent for by the spending function (recorded).
/// </summary>
internal static class SequentialLookCheck
{
    /// <summary>The information fraction reached, or null when the brief is not group-sequential or has no plan size.</summary>
    public static double? InformationFraction(ExperimentBrief brief, MetricData data, long? plannedPerArm)
    {
        if (brief.Analysis.Design != AnalysisDesign.GroupSequential || plannedPerArm is not { } planned || planned <= 0)
        {
            return null;
        }

        var maxWeight = brief.Arms.Max(a => a.Weight);
        return brief.Arms.Min(a => data.Population.UnitsPerArm.GetValueOrDefault(a.Name) / Math.Ceiling(planned * a.Weight / maxWeight));
    }

    /// <summary>Adds the integrity check "registered look reached".</summary>
    public static void CheckReached(ExperimentBrief brief, double fraction, List<AnalysisCheck> checks)
    {
        var first = brief.Analysis.Looks.Min();
        var reached = fraction >= first * 0.9;
        checks.Add(new AnalysisCheck(IntegrityChecks.Step, "registered look reached", reached ? CheckStatus.Pass : CheckStatus.Fail,
            string.Create(CultureInfo.InvariantCulture, $"information fraction {fraction:0.###} of the plan's maximum; registered looks at {string.Join(", ", brief.Analysis.Looks.Select(l => l.ToString("0.##", CultureInfo.InvariantCulture)))}{(reached ? string.Empty : ": too early for the first look")}")));
    }

    /// <summary>Evaluates the primary estimate at the current look.</summary>
    public static LookEvaluation Evaluate(ExperimentBrief brief, double fraction, Estimate primary)
    {
        var design = GroupSequentialPlanner.Design(brief.Analysis.Looks, brief.Analysis.Spending!, brief.PrimaryAlpha, brief.Analysis.Power);
        var current = Math.Min(fraction, 1);
        var looks = brief.Analysis.Looks.Where(l => l < current - 1e-9).Append(current).ToArray();
        return design.Evaluate(looks, primary, finalLook: fraction >= 1 - 1e-9);
    }
}
