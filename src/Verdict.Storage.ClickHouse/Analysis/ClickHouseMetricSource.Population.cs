using System.Globalization;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

namespace Verdict.Storage.ClickHouse;

/// <summary>The population summary and the order statistics of quantile metrics.</summary>
public sealed partial class ClickHouseMetricSource
{
    private PopulationSummary Population(ExperimentBrief brief, string units, long enrolledFrom, long limit, Dictionary<string, long> perArm, Dictionary<string, Dictionary<string, Dictionary<string, long>>> perSegment)
    {
        var p = new SqlParameters(ClickHouseDialect.Instance);
        var facts = Query($"""
            SELECT sum(CASE WHEN arm_count > 1 THEN 1 ELSE 0 END) AS multi,
                   sum(CASE WHEN arm_count = 1 AND first_ts < {p.Add(enrolledFrom)} THEN 1 ELSE 0 END) AS burn_in,
                   min(first_ts) AS earliest, count() AS n
            FROM {units}
            """, p).Rows[0];
        var first = Long(facts[3]) > 0 ? EventLoader.FromMicroseconds(Long(facts[2])) : (DateTimeOffset?)null;
        return ExposureSummary.Read(store, brief, limit).Population(brief, perArm, perSegment, null, (Long(facts[0]), Long(facts[1]), first));
    }

    /// <summary>
    /// The order statistics each quantile cell's interval needs (<see cref="QuantileRanks"/>): per cell the sorted
    /// values, indexed at the point, lower and upper ranks (1-based), in one query per metric. Segments are analysed
    /// for the primary metric only, as in the shared SQL.
    /// </summary>
    private List<QuantileCell> Quantiles(ExperimentBrief brief, MetricColumns columns, string values, List<MetricCell> cells)
    {
        var result = new List<QuantileCell>();
        var alpha = brief.Analysis.Alpha;
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var y = columns.Value[name];
            var wanted = cells
                .Where(c => c.Metric == name && (c.Scope == CellScope.Overall || (c.Scope == CellScope.Segment && name == brief.PrimaryMetric)))
                .Select(c => (Cell: c, Ranks: QuantileRanks.For(c.Moments.Count, q, alpha)))
                .ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var p = new SqlParameters(ClickHouseDialect.Instance);
            var arrays = new List<string>();
            var picks = new List<string>();
            foreach (var (index, (cell, ranks)) in wanted.Index())
            {
                var filter = $"arm = {p.Add(cell.Arm)}";
                if (cell.Scope == CellScope.Segment)
                {
                    var column = "s" + brief.Segments.ToList().FindIndex(s => s.Name == cell.ScopeName).ToString(CultureInfo.InvariantCulture);
                    filter += cell.ScopeValue == "(none)" ? $" AND isNull({column})" : $" AND ifNull({column} = {p.Add(cell.ScopeValue)}, 0)";
                }

                arrays.Add($"arraySort(groupArrayIf(assumeNotNull({y}), {filter})) AS o{index}");
                picks.Add(string.Create(CultureInfo.InvariantCulture, $"length(o{index}), o{index}[{ranks.Point}], o{index}[{ranks.Low}], o{index}[{ranks.High}]"));
            }

            var row = Query($"SELECT {string.Join(", ", picks)} FROM (SELECT {string.Join(", ", arrays)} FROM {values} WHERE isNotNull({y}))", p).Rows[0];
            foreach (var (index, (cell, ranks)) in wanted.Index())
            {
                if (Long(row[4 * index]) != cell.Moments.Count)
                {
                    throw new InvalidOperationException($"ClickHouse returned {Long(row[4 * index])} values for {name} in {cell.Arm}/{cell.ScopeValue}, the cell counts {cell.Moments.Count}");
                }

                var estimate = QuantileEstimate.FromOrderStatistics(ranks, Double(row[(4 * index) + 1]), Double(row[(4 * index) + 2]), Double(row[(4 * index) + 3]), alpha);
                result.Add(new QuantileCell(name, cell.Arm, cell.Scope, cell.ScopeName, cell.ScopeValue, estimate));
            }
        }

        return result;
    }
}
