using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Storage.Sql;

/// <summary>The cells query: per-cell moments, or per-cluster sums for a cluster-randomized brief.</summary>
public sealed partial class SqlMetricSource
{
    /// <summary>(y, x) column expressions per analysed metric: value and covariate, or numerator and denominator.</summary>
    private static List<(string Metric, string Y, string X, string Filter)> Pairs(ExperimentBrief brief, MetricColumns columns)
    {
        var pairs = new List<(string, string, string, string)>();
        foreach (var name in columns.Analysed)
        {
            var definition = brief.Metrics[name];
            if (definition.Type == MetricType.Ratio)
            {
                var num = $"COALESCE({columns.Value[definition.Numerator!]}, 0)";
                var den = $"COALESCE({columns.Value[definition.Denominator!]}, 0)";
                pairs.Add((name, num, den, "1 = 1"));
            }
            else
            {
                var y = columns.Value[name];
                var x = columns.Covariate.TryGetValue(name, out var c) ? c : "0";
                pairs.Add((name, y, x, $"{y} IS NOT NULL"));
            }
        }

        return pairs;
    }

    /// <summary>
    /// Per-cell moments: from the fine groups (<see cref="FineCells"/>), or when there are too many of them from one
    /// grouping-sets query. Each metric's cell comes as count, means, population variances and covariance (numerically
    /// stable aggregates, no shift pass); the overall cells are the day cells merged in day order with Chan's update.
    /// </summary>
    private (List<MetricCell> Cells, UnitCounts Counts) Cells(ExperimentBrief brief, MetricColumns columns, string values) =>
        FineCells(brief, columns, values) ?? GroupedCells(brief, columns, values);

    /// <summary>The per-cell aggregates of every analysed metric: <c>n{i}</c>, <c>my{i}</c>, <c>vy{i}</c> and with a covariate <c>mx{i}</c>, <c>vx{i}</c>, <c>cxy{i}</c>.</summary>
    private string Moments(List<(string Metric, string Y, string X, string Filter)> pairs)
    {
        var dbl = store.Dialect.DoubleType;
        var moments = new StringBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (_, y, x, filter) = pairs[i];
            var cy = $"CASE WHEN {filter} THEN CAST({y} AS {dbl}) END";
            moments.Append(CultureInfo.InvariantCulture, $", SUM(CASE WHEN {filter} THEN 1 ELSE 0 END) AS n{i}, AVG({cy}) AS my{i}, VAR_POP({cy}) AS vy{i}");
            if (x != "0")
            {
                var cx = $"CASE WHEN {filter} THEN CAST({x} AS {dbl}) END";
                moments.Append(CultureInfo.InvariantCulture, $", AVG({cx}) AS mx{i}, VAR_POP({cx}) AS vx{i}, COVAR_POP({cy}, {cx}) AS cxy{i}");
            }
        }

        return moments.ToString();
    }

    /// <summary>Metric <paramref name="i"/>'s moments in a row of <see cref="Moments"/>, or null when no unit of the row has a value.</summary>
    private static BivariateMoments? RowCell(DbDataReader rows, List<(string Metric, string Y, string X, string Filter)> pairs, int i)
    {
        var n = DbValue.Long(rows[$"n{i}"]);
        if (n <= 0)
        {
            return null;
        }

        return pairs[i].X != "0"
            ? RowMoments.Central(rows, n, $"mx{i}", $"my{i}", $"vx{i}", $"vy{i}", $"cxy{i}")
            : RowMoments.Central(rows, n, null, $"my{i}", null, $"vy{i}", null);
    }

    /// <summary>The cells of one grouping-sets query over (arm, day) and each (arm, segment).</summary>
    private (List<MetricCell> Cells, UnitCounts Counts) GroupedCells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
        var cells = new List<MetricCell>();
        var counts = new UnitCounts();
        var dayCells = new List<(string Day, string Arm, int Metric, BivariateMoments Moments)>();
        using (var rows = store.Query($"SELECT {GroupingColumns(brief, true)}, COUNT(*) AS units{Moments(pairs)} FROM {values} GROUP BY {GroupingSets(brief, true)}", []))
        {
            while (rows.Read())
            {
                var arm = rows.GetString(0);
                var (scope, name, value) = Scope(rows, brief, true);
                counts.Add(arm, scope, name, value, DbValue.Long(rows["units"]));
                for (var i = 0; i < pairs.Count; i++)
                {
                    if (RowCell(rows, pairs, i) is not { } cell)
                    {
                        continue;
                    }

                    cells.Add(new MetricCell(pairs[i].Metric, arm, scope, name, value, cell));
                    if (scope == CellScope.Day)
                    {
                        dayCells.Add((value!, arm, i, cell));
                    }
                }
            }
        }

        cells.AddRange(Overall(pairs, dayCells));
        return (cells, counts);
    }

    /// <summary>The overall cells: the day cells merged in a fixed order (metric, arm, day), so the result does not depend on row order.</summary>
    private static IEnumerable<MetricCell> Overall(List<(string Metric, string Y, string X, string Filter)> pairs, List<(string Day, string Arm, int Metric, BivariateMoments Moments)> dayCells)
    {
        var overall = dayCells.OrderBy(c => c.Metric).ThenBy(c => c.Arm, StringComparer.Ordinal).ThenBy(c => c.Day, StringComparer.Ordinal)
            .GroupBy(c => (c.Metric, c.Arm));
        foreach (var group in overall)
        {
            var total = BivariateMoments.Empty;
            foreach (var day in group)
            {
                total += day.Moments;
            }

            yield return new MetricCell(pairs[group.Key.Metric].Metric, group.Key.Arm, CellScope.Overall, null, null, total);
        }
    }

    /// <summary>
    /// Cells for a cluster-randomized brief: per cluster, the sum of each metric (y) and the number of units with a
    /// value, or the ratio's denominator sum (x); one query per grouping set, since a cluster's roll-up depends on it.
    /// </summary>
    private (List<MetricCell> Cells, List<RatioCovariateCell> Covariates) ClusterCells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
        var dbl = store.Dialect.DoubleType;
        var groupings = new List<(string Columns, CellScope Scope, string? Name)> { (string.Empty, CellScope.Overall, null) };
        groupings.AddRange(brief.Segments.Select((s, i) => ($", s{i}", CellScope.Segment, (string?)s.Name)));
        groupings.Add((", day", CellScope.Day, "day"));
        var cells = new List<MetricCell>();
        var covariates = new List<RatioCovariateCell>();
        foreach (var (groupColumns, scope, name) in groupings)
        {
            var inner = new StringBuilder();
            var outer = new StringBuilder();
            for (var i = 0; i < pairs.Count; i++)
            {
                var (metric, y, x, filter) = pairs[i];
                var ratio = brief.Metrics[metric].Type == MetricType.Ratio;
                inner.Append(CultureInfo.InvariantCulture, $", SUM(CASE WHEN {filter} THEN CAST({y} AS {dbl}) ELSE 0 END) AS y{i}");
                var denominator = ratio ? $"SUM(CAST({x} AS {dbl}))" : $"SUM(CASE WHEN {filter} THEN 1.0 ELSE 0.0 END)";
                inner.Append(CultureInfo.InvariantCulture, $", {denominator} AS x{i}");
                outer.Append(CultureInfo.InvariantCulture, $", COUNT(*) AS n{i}, SUM(y{i}) AS sy{i}, SUM(y{i} * y{i}) AS syy{i}, SUM(x{i}) AS sx{i}, SUM(x{i} * x{i}) AS sxx{i}, SUM(x{i} * y{i}) AS sxy{i}");
                if (HasClusterCovariate(brief, pairs[i], scope))
                {
                    // The covariate summed over the same units; its denominator is those units again (x).
                    inner.Append(CultureInfo.InvariantCulture, $", SUM(CASE WHEN {filter} THEN CAST({x} AS {dbl}) ELSE 0 END) AS p{i}");
                    outer.Append(CultureInfo.InvariantCulture, $", SUM(p{i}) AS sp{i}, SUM(p{i} * p{i}) AS spp{i}, SUM(p{i} * y{i}) AS spy{i}, SUM(p{i} * x{i}) AS spx{i}");
                }
            }

            using var rows = store.Query($"SELECT arm{groupColumns}{outer} FROM (SELECT cluster, arm{groupColumns}{inner} FROM {values} GROUP BY cluster, arm{groupColumns}) c GROUP BY arm{groupColumns}", []);
            while (rows.Read())
            {
                var arm = rows.GetString(0);
                string? value = null;
                if (scope == CellScope.Segment)
                {
                    value = rows[1] is DBNull ? "(none)" : Convert.ToString(rows[1], CultureInfo.InvariantCulture);
                }
                else if (scope == CellScope.Day)
                {
                    value = DayLabel(DbValue.Long(rows[1]));
                }

                for (var i = 0; i < pairs.Count; i++)
                {
                    var n = D(rows, $"n{i}");
                    if (n > 0)
                    {
                        cells.Add(new MetricCell(pairs[i].Metric, arm, scope, name, value, BivariateMoments.FromSums((long)n, D(rows, $"sx{i}"), D(rows, $"sy{i}"), Math.Max(D(rows, $"sxx{i}"), 0), Math.Max(D(rows, $"syy{i}"), 0), D(rows, $"sxy{i}"))));
                        if (HasClusterCovariate(brief, pairs[i], scope))
                        {
                            covariates.Add(new RatioCovariateCell(pairs[i].Metric, arm, scope, name, value, ClusterCovariateMoments(rows, i, (long)n)));
                        }
                    }
                }
            }
        }

        return (cells, covariates);
    }

    /// <summary>True when a cluster cell gets CUPED statistics: a non-ratio metric with a covariate, outside day cells.</summary>
    private static bool HasClusterCovariate(ExperimentBrief brief, (string Metric, string Y, string X, string Filter) pair, CellScope scope) =>
        scope != CellScope.Day && pair.X != "0" && brief.Metrics[pair.Metric].Type != MetricType.Ratio;

    /// <summary>Sums and product sums over clusters in the order (metric sum, units, covariate sum, units).</summary>
    private static RatioCovariateMoments ClusterCovariateMoments(DbDataReader rows, int i, long clusters)
    {
        double sy = D(rows, $"sy{i}"), sx = D(rows, $"sx{i}"), sp = D(rows, $"sp{i}");
        double syy = D(rows, $"syy{i}"), sxx = D(rows, $"sxx{i}"), sxy = D(rows, $"sxy{i}");
        double spp = D(rows, $"spp{i}"), spy = D(rows, $"spy{i}"), spx = D(rows, $"spx{i}");
        var products = new double[,]
        {
            { syy, sxy, spy, sxy },
            { sxy, sxx, spx, sxx },
            { spy, spx, spp, spx },
            { sxy, sxx, spx, sxx },
        };
        return new RatioCovariateMoments(clusters, [sy, sx, sp, sx], products);
    }
}
