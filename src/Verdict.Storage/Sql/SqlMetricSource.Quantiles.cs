using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Storage.Dialects;

namespace Verdict.Storage.Sql;

/// <summary>The order-statistics queries of quantile metrics.</summary>
public sealed partial class SqlMetricSource
{
    /// <summary>
    /// The order statistics each quantile cell's interval needs (<see cref="QuantileRanks"/>), fetched as discrete
    /// percentiles at the fractions (rank − ½)/n: one aggregate per cell, filtered to the cell, in one query per metric.
    /// </summary>
    private List<QuantileCell> Quantiles(ResolvedPlan plan, MetricColumns columns, string values, List<MetricCell> cells)
    {
        var brief = plan.Brief;
        var result = new List<QuantileCell>();
        var alpha = brief.Analysis.Alpha;
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var y = columns.Value[name];

            // Segments are analysed for the primary metric only.
            var withSegments = name == brief.PrimaryMetric;
            var wanted = ValueCounts(plan, values, name, y, cells)
                .Where(c => c.Scope == CellScope.Overall || (c.Scope == CellScope.Segment && withSegments))
                .Select(c => (Cell: c, Ranks: plan.Clustered ? ClusteredRanks(brief, values, y, c, q, alpha) : QuantileRanks.For(c.Count, q, alpha)))
                .Where(c => c.Ranks is not null)
                .Select(c => (c.Cell, Ranks: c.Ranks!.Value))
                .ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var p = new SqlParameters(store.Dialect);
            var aggregates = new List<string>();
            foreach (var (cell, ranks) in wanted)
            {
                var filter = CellFilter(brief, cell, p);
                var fractions = new[] { ranks.Point, ranks.Low, ranks.High }.Select(r => p.Add((r - 0.5) / ranks.Count)).ToList();
                aggregates.Add($"{store.Dialect.OrderStatistics(y, fractions)} FILTER (WHERE {filter})");
            }

            using var reader = store.Query($"SELECT {string.Join(", ", aggregates)} FROM {values} WHERE {y} IS NOT NULL", p.Values);
            reader.Read();
            for (var i = 0; i < wanted.Count; i++)
            {
                var (cell, ranks) = wanted[i];
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                var order = OrderStatistics(reader.GetValue(i));
                result.Add(new QuantileCell(name, cell.Arm, cell.Scope, cell.ScopeName, cell.ScopeValue, QuantileEstimate.FromOrderStatistics(ranks, order[0], order[1], order[2], alpha)));
            }
        }

        return result;
    }

    /// <summary>The values of an <see cref="SqlDialect.OrderStatistics"/> aggregate (a DuckDB list or a PostgreSQL array).</summary>
    private static double[] OrderStatistics(object array) =>
        ((System.Collections.IEnumerable)array).Cast<object?>().Select(v => DbValue.Double(v ?? DBNull.Value)).ToArray();

    /// <summary>The SQL condition selecting one cell's units.</summary>
    private static string CellFilter(ExperimentBrief brief, CountCell cell, SqlParameters p)
    {
        var filter = $"arm = {p.Add(cell.Arm)}";
        if (cell.Scope == CellScope.Segment)
        {
            var column = "s" + brief.Segments.ToList().FindIndex(s => s.Name == cell.ScopeName).ToString(CultureInfo.InvariantCulture);
            filter += cell.ScopeValue == "(none)" ? $" AND {column} IS NULL" : $" AND {column} = {p.Add(cell.ScopeValue)}";
        }

        return filter;
    }

    /// <summary>
    /// Ranks of a quantile cell in a cluster-randomized brief: the point estimate first, then per cluster the units at
    /// or below it and the units with a value, whose delta-method ratio variance replaces q(1 − q)/n
    /// (<see cref="QuantileRanks.ForDependent"/>). Null when fewer than two clusters have values.
    /// </summary>
    private QuantileRanks? ClusteredRanks(ExperimentBrief brief, string values, string y, CountCell cell, double q, double alpha)
    {
        var point = QuantileRanks.For(cell.Count, q, alpha).Point;
        var p = new SqlParameters(store.Dialect);
        var filter = CellFilter(brief, cell, p);
        double value;
        using (var reader = store.Query($"SELECT {store.Dialect.OrderStatistics(y, [p.Add((point - 0.5) / cell.Count)])} FROM {values} WHERE {y} IS NOT NULL AND {filter}", p.Values))
        {
            if (!reader.Read() || reader.IsDBNull(0))
            {
                return null;
            }

            value = OrderStatistics(reader.GetValue(0)).Single();
        }

        var dbl = store.Dialect.DoubleType;
        var threshold = p.Add(value);
        using var clusters = store.Query($"""
            SELECT COUNT(*) AS k, AVG(CAST(n AS {dbl})) AS mn, AVG(CAST(s AS {dbl})) AS ms, VAR_POP(CAST(n AS {dbl})) AS vn,
                   VAR_POP(CAST(s AS {dbl})) AS vs, COVAR_POP(CAST(s AS {dbl}), CAST(n AS {dbl})) AS cns
            FROM (SELECT cluster, COUNT(*) AS n, SUM(CASE WHEN {y} <= {threshold} THEN 1 ELSE 0 END) AS s
                  FROM {values} WHERE {y} IS NOT NULL AND {filter} GROUP BY cluster) c
            """, p.Values);
        clusters.Read();
        var k = DbValue.Long(clusters["k"]);
        if (k < 2)
        {
            return null;
        }

        var moments = RowMoments.Central(clusters, k, "mn", "ms", "vn", "vs", "cns");
        var (_, variance) = RatioMetric.Of(moments);
        return double.IsFinite(variance) ? QuantileRanks.ForDependent(cell.Count, q, variance, alpha) : null;
    }

    /// <summary>A quantile metric's cells with the number of units that have a value.</summary>
    private sealed record CountCell(string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, long Count);

    /// <summary>
    /// Units with a value per cell: the metric cells' counts, or for a cluster-randomized brief (whose cells count
    /// clusters) a count of the unit-level values, since order statistics are taken over units.
    /// </summary>
    private List<CountCell> ValueCounts(ResolvedPlan plan, string values, string metric, string y, List<MetricCell> cells)
    {
        var brief = plan.Brief;
        if (!plan.Clustered)
        {
            return cells.Where(c => c.Metric == metric).Select(c => new CountCell(c.Arm, c.Scope, c.ScopeName, c.ScopeValue, c.Moments.Count)).ToList();
        }

        var result = new List<CountCell>();
        using var reader = store.Query($"SELECT {GroupingColumns(brief, false)}, COUNT({y}) AS n FROM {values} GROUP BY {GroupingSets(brief, false)}", []);
        while (reader.Read())
        {
            var (scope, name, value) = Scope(reader, brief, false);
            var n = DbValue.Long(reader["n"]);
            if (n > 0)
            {
                result.Add(new CountCell(reader.GetString(0), scope, name, value, n));
            }
        }

        return result;
    }
}
