using System.Globalization;
using Verdict.Statistics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// The primary effect through each enrollment day: the day cells of units first exposed up to day d are merged with
/// <see cref="BivariateMoments"/>' <c>+</c> and compared as one population (not CUPED-adjusted, like the daily cells).
/// Quantile metrics have no mergeable day cells and give an empty list.
/// </summary>
internal static class CumulativeAnalysis
{
    public static List<CumulativeEffect> Run(ExperimentBrief brief, MetricData data, string control, string treatment, long? plannedPerArm)
    {
        var metric = brief.PrimaryMetric;
        var cells = data.Cells.Where(c => c.Metric == metric && c.Scope == CellScope.Day && (c.Arm == control || c.Arm == treatment)).ToList();
        var days = cells.Select(c => c.ScopeValue!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var running = new Dictionary<string, BivariateMoments>(StringComparer.Ordinal) { [control] = default, [treatment] = default };
        var planned = plannedPerArm is { } p && p > 0 ? p * brief.Arms.Count : (long?)null;
        var effects = new List<CumulativeEffect>();
        foreach (var day in days)
        {
            foreach (var cell in cells.Where(c => c.ScopeValue == day))
            {
                running[cell.Arm] += cell.Moments;
            }

            var merged = new MetricData(data.Population, [
                new MetricCell(metric, control, CellScope.Day, "through", day, running[control]),
                new MetricCell(metric, treatment, CellScope.Day, "through", day, running[treatment]),
            ], []);
            var comparison = MetricComparer.Compare(brief, merged, metric, control, treatment, brief.Analysis.Alpha, CellScope.Day, "through", day);
            if (comparison is not null)
            {
                var units = comparison.ControlUnits + comparison.TreatmentUnits;
                effects.Add(new CumulativeEffect(
                    DateOnly.Parse(day, CultureInfo.InvariantCulture), comparison.ControlUnits, comparison.TreatmentUnits, comparison.Lift,
                    planned is { } total ? (double)units / total : null));
            }
        }

        return effects;
    }
}
