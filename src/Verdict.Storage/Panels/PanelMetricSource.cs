using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Did;
using Verdict.Storage.Sql;

namespace Verdict.Storage.Panels;

/// <summary>
/// Reads one metric per unit and period from the store for difference-in-differences, through the same metric
/// definitions as the analysis (<see cref="UnitTableCompiler"/>): the brief's exposed units with their segment
/// attributes, the metric's events, filters, values and exclusions, aggregated per period instead of per unit. The
/// unit-by-period panel is the smallest input a fixed-effects regression can take, so these aggregates (not events)
/// come to .NET; a unit-period without qualifying events is 0 for binary, count and sum metrics and absent for means.
/// </summary>
public sealed class PanelMetricSource(EventStore store)
{
    /// <summary>Reads the panel <paramref name="request"/> describes.</summary>
    public MetricPanel Load(ExperimentBrief brief, PanelRequest request)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(request);
        if (!brief.Metrics.TryGetValue(request.Metric, out var definition))
        {
            throw new ArgumentException($"\"{request.Metric}\" is not a metric of {brief.Key}; known: {string.Join(", ", brief.Metrics.Keys.Order(StringComparer.Ordinal))}", nameof(request));
        }

        if (definition.Type is not (MetricType.Binary or MetricType.Count or MetricType.Sum or MetricType.Mean))
        {
            throw new ArgumentException($"\"{request.Metric}\" is a {definition.Type.ToString().ToLowerInvariant()} metric; a panel takes binary, count, sum and mean metrics", nameof(request));
        }

        var group = brief.Segments.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Name == request.Group);
        if (group.s is null)
        {
            throw new ArgumentException($"\"{request.Group}\" is not a segment of {brief.Key}; declared: {string.Join(", ", brief.Segments.Select(s => s.Name))}", nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.PeriodLength, TimeSpan.Zero, nameof(request));
        var compiler = new UnitTableCompiler(store.Dialect, ResolvedPlan.From(brief), new MetricColumns(brief), PropertyColumns.Read(store));
        var units = TemporaryTable.Name("verdict_panel_units_");
        var values = TemporaryTable.Name("verdict_panel_values_");
        var asOf = request.AsOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue;
        try
        {
            var (unitSql, unitParameters) = compiler.Units(units, asOf);
            store.Execute(unitSql, unitParameters.Values);
            var (panelSql, panelParameters) = compiler.Panel(values, units, request.Metric, EventLoader.ToMicroseconds(request.Adoption), request.PeriodLength.Ticks / 10, asOf);
            store.Execute(panelSql, panelParameters.Values);
            return Assemble(request, definition, units, values, group.i);
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {values}", []);
            store.Execute($"DROP TABLE IF EXISTS {units}", []);
        }
    }

    private MetricPanel Assemble(PanelRequest request, MetricDefinition definition, string units, string values, int segment)
    {
        var unitIds = new List<string>();
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new List<string>();
        using (var reader = store.Query($"SELECT unit_id, s{segment.ToString(CultureInfo.InvariantCulture)} AS grp FROM {units} ORDER BY unit_id", []))
        {
            while (reader.Read())
            {
                unitIndex[reader.GetString(0)] = unitIds.Count;
                unitIds.Add(reader.GetString(0));
                groupOf.Add(reader.IsDBNull(1) ? "(none)" : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)!);
            }
        }

        var low = request.PeriodsBefore is { } before ? -before : long.MinValue;
        var high = request.PeriodsAfter is { } after ? after - 1 : long.MaxValue;
        var observed = new Dictionary<(int Unit, int Period), double>();
        using (var reader = store.Query($"SELECT unit_id, period, value FROM {values} WHERE value IS NOT NULL", []))
        {
            while (reader.Read())
            {
                var period = DbValue.Long(reader.GetValue(1));
                if (period >= low && period <= high && unitIndex.TryGetValue(reader.GetString(0), out var u))
                {
                    observed[(u, (int)period)] = DbValue.Double(reader.GetValue(2));
                }
            }
        }

        var clusterLabels = new List<string>();
        var clusterIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var observations = new List<PanelObservation>();
        long filled = 0;
        var fill = definition.Type is MetricType.Binary or MetricType.Count or MetricType.Sum;
        var periods = observed.Keys.Select(k => k.Period).ToList();
        var first = periods.Count == 0 ? 0 : (int)Math.Max(low, periods.Min());
        var last = periods.Count == 0 ? -1 : (int)Math.Min(high, periods.Max());
        for (var u = 0; u < unitIds.Count; u++)
        {
            var treated = request.TreatedValues.Contains(groupOf[u]);
            var label = request.ClusterByGroup ? groupOf[u] : unitIds[u];
            var cluster = clusterIndex.TryGetValue(label, out var c) ? c : clusterIndex[label] = clusterIndex.Count;
            if (cluster == clusterLabels.Count)
            {
                clusterLabels.Add(label);
            }

            for (var period = first; period <= last; period++)
            {
                if (!observed.TryGetValue((u, period), out var value))
                {
                    if (!fill)
                    {
                        continue;
                    }

                    filled++;
                }

                observations.Add(new PanelObservation(u, period, cluster, treated && period >= 0, value));
            }
        }

        return new MetricPanel(observations, unitIds, clusterLabels, filled);
    }
}
