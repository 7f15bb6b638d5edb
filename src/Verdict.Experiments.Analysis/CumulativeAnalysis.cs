using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The primary effect through each enrollment day: the day cells of units first exposed up to day d are merged with
/// <see cref="BivariateMoments"/>' <c>+</c> and compared as one population (<see cref="MetricComparer.CompareMoments"/>:
/// not CUPED-adjusted, like the daily cells).
/// The information fraction is the compared arms' units over their planned targets together
/// (<see cref="ResolvedPlan.TargetOf"/>). Quantile metrics have no mergeable day cells and give an empty list.
/// </summary>
internal static class CumulativeAnalysis
{
    public static List<CumulativeEffect> Run(ResolvedPlan plan, MetricData data, string control, string treatment)
    {
        var brief = plan.Brief;
        var metric = brief.PrimaryMetric;
        var definition = brief.Metrics[metric];
        var cells = data.Cells.Where(c => c.Metric == metric && c.Scope == CellScope.Day && (c.Arm == control || c.Arm == treatment)).ToList();
        var running = new Dictionary<string, BivariateMoments>(StringComparer.Ordinal) { [control] = default, [treatment] = default };
        var planned = plan.TargetOf(control, treatment) is { } p && p > 0 ? p : (long?)null;
        var effects = new List<CumulativeEffect>();
        foreach (var day in DayCells.Days(cells))
        {
            var label = DayCells.Label(day);
            foreach (var cell in cells.Where(c => c.ScopeValue == label))
            {
                running[cell.Arm] += cell.Moments;
            }

            var comparison = MetricComparer.CompareMoments(brief, definition, running[control], running[treatment], brief.Analysis.Alpha);
            if (comparison is not null)
            {
                var units = comparison.ControlUnits + comparison.TreatmentUnits;
                effects.Add(new CumulativeEffect(day, comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift, planned is { } total ? (double)units / total : null));
            }
        }

        return effects;
    }
}
