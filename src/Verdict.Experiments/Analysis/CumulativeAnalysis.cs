using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The primary effect through each enrollment day: the day cells of units first exposed up to day d are merged with
/// <see cref="BivariateMoments"/>' <c>+</c> and compared as one population (not CUPED-adjusted, like the daily cells).
/// The information fraction is the compared arms' units over their planned targets together
/// (<see cref="ResolvedPlan.TargetOf"/>). Quantile metrics have no mergeable day cells and give an empty list.
/// </summary>
internal static class CumulativeAnalysis
{
    public static List<CumulativeEffect> Run(ResolvedPlan plan, MetricData data, string control, string treatment)
    {
        var brief = plan.Brief;
        var metric = brief.PrimaryMetric;
        var cells = data.Cells.Where(c => c.Metric == metric && c.Scope == CellScope.Day && (c.Arm == control || c.Arm == treatment)).ToList();
        var running = new Dictionary<string, BivariateMoments>(StringComparer.Ordinal) { [control] = default, [treatment] = default };
        var planned = plan.TargetOf(control, treatment) is { } p && p > 0 ? p : (long?)null;
        var effects = new List<CumulativeEffect>();
        foreach (var day in DayCells.Days(data, metric))
        {
            var label = DayCells.Label(day);
            foreach (var cell in cells.Where(c => c.ScopeValue == label))
            {
                running[cell.Arm] += cell.Moments;
            }

            var merged = new MetricData(data.Population, [
                new MetricCell(metric, control, CellScope.Day, "through", label, running[control]),
                new MetricCell(metric, treatment, CellScope.Day, "through", label, running[treatment]),
            ], []);
            var comparison = MetricComparer.Compare(brief, merged, metric, control, treatment, brief.Analysis.Alpha, CellScope.Day, "through", label);
            if (comparison is not null)
            {
                var units = comparison.ControlUnits + comparison.TreatmentUnits;
                effects.Add(new CumulativeEffect(day, comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift, planned is { } total ? (double)units / total : null));
            }
        }

        return effects;
    }
}
