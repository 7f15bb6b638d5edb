using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Storage.Sql;

namespace Verdict.Storage.ClickHouse.Analysis;

/// <summary>The population summary and the order statistics of quantile metrics.</summary>
public sealed partial class ClickHouseMetricSource
{
    private PopulationSummary Population(ExperimentBrief brief, string units, long enrolledFrom, long limit, Dictionary<string, long> perArm, Dictionary<string, Dictionary<string, Dictionary<string, long>>> perSegment, Dictionary<string, long>? clusters)
    {
        var p = new SqlParameters(ClickHouseDialect.Instance);
        var facts = Query($"""
            SELECT sum(CASE WHEN arm_count > 1 THEN 1 ELSE 0 END) AS multi,
                   sum(CASE WHEN arm_count = 1 AND first_ts < {p.Add(enrolledFrom)} THEN 1 ELSE 0 END) AS burn_in,
                   min(first_ts) AS earliest, count() AS n
            FROM {units}
            """, p).Rows[0];
        var first = Long(facts[3]) > 0 ? EventLoader.FromMicroseconds(Long(facts[2])) : (DateTimeOffset?)null;
        return ExposureSummary.Read(store, brief, limit).Population(brief, perArm, perSegment, clusters, (Long(facts[0]), Long(facts[1]), first)) with
        {
            EventsByName = EventsByName(brief, limit),
            VersionsInStore = VersionsInStore(brief),
        };
    }

    /// <summary>
    /// The analysis's data diagnostics, as on the other engines: stored events (deduplicated) per name the brief's
    /// metrics read, up to <paramref name="limit"/>, names absent from the store counting 0.
    /// </summary>
    private Dictionary<string, long> EventsByName(ExperimentBrief brief, long limit)
    {
        var names = brief.Metrics.Values.SelectMany(m => m.Events).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = names.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        if (names.Count > 0)
        {
            var p = new SqlParameters(ClickHouseDialect.Instance);
            foreach (var row in Query($"SELECT name, count() AS n FROM {store.Address.Database}.events FINAL WHERE ts <= {p.Add(limit)} AND name IN {p.List(names)} GROUP BY name", p).Rows)
            {
                counts[(string)row[0]] = Long(row[1]);
            }
        }

        return counts;
    }

    /// <summary>The versions of the brief's key that have exposures in the store.</summary>
    private List<int> VersionsInStore(ExperimentBrief brief)
    {
        var p = new SqlParameters(ClickHouseDialect.Instance);
        return Query($"SELECT DISTINCT version FROM {store.Address.Database}.exposures WHERE experiment = {p.Add(brief.Key)} ORDER BY version", p).Rows
            .Select(row => (int)Long(row[0])).ToList();
    }

    /// <summary>A quantile cell to fetch: its scope, the units with a value, and the ranks its interval needs.</summary>
    private sealed record QuantileRequest(string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, long Count, QuantileRanks Ranks);

    /// <summary>
    /// The order statistics each quantile cell's interval needs (<see cref="QuantileRanks"/>), for cells whose units
    /// are independent: the ranks follow from the metric cell's count. Segments are analysed for the primary metric
    /// only, as in the shared SQL.
    /// </summary>
    private List<QuantileCell> Quantiles(ExperimentBrief brief, MetricColumns columns, string values, List<MetricCell> cells)
    {
        var result = new List<QuantileCell>();
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var wanted = cells
                .Where(c => c.Metric == name && (c.Scope == CellScope.Overall || (c.Scope == CellScope.Segment && name == brief.PrimaryMetric)))
                .Select(c => new QuantileRequest(c.Arm, c.Scope, c.ScopeName, c.ScopeValue, c.Moments.Count, QuantileRanks.For(c.Moments.Count, q, brief.Analysis.Alpha)))
                .ToList();
            result.AddRange(OrderStatistics(brief, name, columns.Value[name], values, wanted));
        }

        return result;
    }

    /// <summary>
    /// Per requested cell the sorted values, indexed at the point, lower and upper ranks (1-based), in one query per
    /// metric; each cell's number of values is checked against the count its ranks were computed for.
    /// </summary>
    private List<QuantileCell> OrderStatistics(ExperimentBrief brief, string name, string y, string values, List<QuantileRequest> wanted)
    {
        var result = new List<QuantileCell>();
        if (wanted.Count == 0)
        {
            return result;
        }

        var p = new SqlParameters(ClickHouseDialect.Instance);
        var arrays = new List<string>();
        var picks = new List<string>();
        foreach (var (index, cell) in wanted.Index())
        {
            arrays.Add($"arraySort(groupArrayIf(assumeNotNull({y}), {CellFilter(brief, cell, p)})) AS o{index}");
            picks.Add(string.Create(CultureInfo.InvariantCulture, $"length(o{index}), o{index}[{cell.Ranks.Point}], o{index}[{cell.Ranks.Low}], o{index}[{cell.Ranks.High}]"));
        }

        var row = Query($"SELECT {string.Join(", ", picks)} FROM (SELECT {string.Join(", ", arrays)} FROM {values} WHERE isNotNull({y}))", p).Rows[0];
        foreach (var (index, cell) in wanted.Index())
        {
            if (Long(row[4 * index]) != cell.Count)
            {
                throw new InvalidOperationException($"ClickHouse returned {Long(row[4 * index])} values for {name} in {cell.Arm}/{cell.ScopeValue}, the cell counts {cell.Count}");
            }

            var estimate = QuantileEstimate.FromOrderStatistics(cell.Ranks, Double(row[(4 * index) + 1]), Double(row[(4 * index) + 2]), Double(row[(4 * index) + 3]), brief.Analysis.Alpha);
            result.Add(new QuantileCell(name, cell.Arm, cell.Scope, cell.ScopeName, cell.ScopeValue, estimate));
        }

        return result;
    }

    /// <summary>The condition selecting one cell's units: its arm and, for a segment cell, the segment value (or none).</summary>
    private static string CellFilter(ExperimentBrief brief, QuantileRequest cell, SqlParameters p)
    {
        var filter = $"arm = {p.Add(cell.Arm)}";
        if (cell.Scope == CellScope.Segment)
        {
            var column = "s" + brief.Segments.ToList().FindIndex(s => s.Name == cell.ScopeName).ToString(CultureInfo.InvariantCulture);
            filter += cell.ScopeValue == "(none)" ? $" AND isNull({column})" : $" AND ifNull({column} = {p.Add(cell.ScopeValue)}, 0)";
        }

        return filter;
    }
}
