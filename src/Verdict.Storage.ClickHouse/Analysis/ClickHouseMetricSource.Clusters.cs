using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;
using Verdict.Storage.Sql;

namespace Verdict.Storage.ClickHouse.Analysis;

/// <summary>
/// Cluster-randomized briefs: cells whose observations are clusters (per cluster the sum of each metric and its units,
/// or a ratio's numerator and denominator sums), order statistics over units with ranks widened by the clusters'
/// delta-method variance, and unit and cluster counts — the same statistics as the shared SQL
/// (<see cref="SqlMetricSource"/>, docs/analysis.md "Cluster randomization"), in SQL 18.16 accepts.
/// </summary>
public sealed partial class ClickHouseMetricSource
{
    /// <summary>The groupings of cluster cells: overall, each segment, and the enrollment day.</summary>
    private static List<(string Columns, CellScope Scope, string? Name)> ClusterGroupings(ExperimentBrief brief, bool withDay)
    {
        var groupings = new List<(string Columns, CellScope Scope, string? Name)> { (string.Empty, CellScope.Overall, null) };
        groupings.AddRange(brief.Segments.Select((s, i) => ($", s{i.ToString(CultureInfo.InvariantCulture)}", CellScope.Segment, (string?)s.Name)));
        if (withDay)
        {
            groupings.Add((", day", CellScope.Day, "day"));
        }

        return groupings;
    }

    /// <summary>The scope value of a grouped row: the segment value ("(none)" when absent) or the day's date.</summary>
    private static string? ScopeValue(CellScope scope, object[] row) => scope switch
    {
        CellScope.Segment => row[1] is DBNull ? "(none)" : (string)row[1],
        CellScope.Day => DayLabel(Long(row[1])),
        _ => null,
    };

    /// <summary>Analysed units per arm and per (segment, value, arm): the cells of a clustered brief count clusters.</summary>
    private (Dictionary<string, long> PerArm, Dictionary<string, Dictionary<string, Dictionary<string, long>>> PerSegment) CountUnits(ExperimentBrief brief, string values)
    {
        var perArm = new Dictionary<string, long>(StringComparer.Ordinal);
        var perSegment = new Dictionary<string, Dictionary<string, Dictionary<string, long>>>(StringComparer.Ordinal);
        foreach (var (columns, scope, name) in ClusterGroupings(brief, withDay: false))
        {
            foreach (var row in Query($"SELECT arm{columns}, count() AS n FROM {values} GROUP BY arm{columns}").Rows)
            {
                var arm = (string)row[0];
                if (scope == CellScope.Overall)
                {
                    perArm[arm] = Long(row[1]);
                    continue;
                }

                var value = ScopeValue(scope, row)!;
                var byValue = perSegment.TryGetValue(name!, out var v) ? v : perSegment[name!] = new(StringComparer.Ordinal);
                (byValue.TryGetValue(value, out var a) ? a : byValue[value] = new(StringComparer.Ordinal))[arm] = Long(row[2]);
            }
        }

        return (perArm, perSegment);
    }

    /// <summary>Distinct clusters per arm among the analysed units (a unit without the cluster attribute is in none).</summary>
    private Dictionary<string, long> ClustersPerArm(string values) =>
        Query($"SELECT arm, uniqExact(cluster) AS n FROM {values} GROUP BY arm").Rows
            .ToDictionary(row => (string)row[0], row => Long(row[1]), StringComparer.Ordinal);

    /// <summary>
    /// Cells whose observations are clusters, one query per grouping: per cluster the metric's sum (y) and its units
    /// with a value, or a ratio's denominator sum (x), and for CUPED the covariate's sum (p); then per cell the cluster
    /// count and the sums and product sums of those (Bivariate moments from sums; RatioCovariateMoments for CUPED).
    /// </summary>
    private (List<MetricCell> Cells, List<RatioCovariateCell> Covariates) ClusterCells(
        ExperimentBrief brief, List<(string Metric, string Y, string X, string Filter)> pairs, string values)
    {
        var cells = new List<MetricCell>();
        var covariates = new List<RatioCovariateCell>();
        foreach (var (columns, scope, name) in ClusterGroupings(brief, withDay: true))
        {
            var inner = new StringBuilder();
            var outer = new StringBuilder();
            foreach (var (i, (metric, y, x, filter)) in pairs.Index())
            {
                var ratio = brief.Metrics[metric].Type == MetricType.Ratio;
                inner.Append(CultureInfo.InvariantCulture, $", sum(if({filter}, ifNull({y}, 0), 0)) AS y{i}");
                inner.Append(CultureInfo.InvariantCulture, $", {(ratio ? $"sum({x})" : $"toFloat64(countIf({filter}))")} AS x{i}");
                outer.Append(CultureInfo.InvariantCulture, $", count() AS n{i}, sum(y{i}) AS sy{i}, sum(y{i} * y{i}) AS syy{i}, sum(x{i}) AS sx{i}, sum(x{i} * x{i}) AS sxx{i}, sum(x{i} * y{i}) AS sxy{i}");
                if (HasClusterCovariate(brief, pairs[i], scope))
                {
                    inner.Append(CultureInfo.InvariantCulture, $", sum(if({filter}, {x}, 0)) AS q{i}");
                    outer.Append(CultureInfo.InvariantCulture, $", sum(q{i}) AS sp{i}, sum(q{i} * q{i}) AS spp{i}, sum(q{i} * y{i}) AS spy{i}, sum(q{i} * x{i}) AS spx{i}");
                }
            }

            var result = Query($"SELECT arm{columns}{outer} FROM (SELECT cluster, arm{columns}{inner} FROM {values} GROUP BY cluster, arm{columns}) GROUP BY arm{columns}");
            var offset = columns.Length == 0 ? 1 : 2;
            foreach (var row in result.Rows)
            {
                var arm = (string)row[0];
                var value = ScopeValue(scope, row);
                var at = offset;
                foreach (var (i, pair) in pairs.Index())
                {
                    var n = Long(row[at]);
                    double sy = Double(row[at + 1]), syy = Double(row[at + 2]), sx = Double(row[at + 3]), sxx = Double(row[at + 4]), sxy = Double(row[at + 5]);
                    at += 6;
                    var withCovariate = HasClusterCovariate(brief, pair, scope);
                    if (n > 0)
                    {
                        cells.Add(new MetricCell(pair.Metric, arm, scope, name, value, BivariateMoments.FromSums(n, sx, sy, Math.Max(sxx, 0), Math.Max(syy, 0), sxy)));
                        if (withCovariate)
                        {
                            double sp = Double(row[at]), spp = Double(row[at + 1]), spy = Double(row[at + 2]), spx = Double(row[at + 3]);

                            // Sums and product sums in the order (metric sum, units, covariate sum, units).
                            var products = new double[,] { { syy, sxy, spy, sxy }, { sxy, sxx, spx, sxx }, { spy, spx, spp, spx }, { sxy, sxx, spx, sxx } };
                            covariates.Add(new RatioCovariateCell(pair.Metric, arm, scope, name, value, new RatioCovariateMoments(n, [sy, sx, sp, sx], products)));
                        }
                    }

                    at += withCovariate ? 4 : 0;
                }
            }
        }

        return (cells, covariates);
    }

    /// <summary>True when a cluster cell gets CUPED statistics: a non-ratio metric with a covariate, outside day cells.</summary>
    private static bool HasClusterCovariate(ExperimentBrief brief, (string Metric, string Y, string X, string Filter) pair, CellScope scope) =>
        scope != CellScope.Day && pair.X != "0" && brief.Metrics[pair.Metric].Type != MetricType.Ratio;

    /// <summary>
    /// Quantile cells of a clustered brief: order statistics over the units with a value (overall, and per segment for
    /// the primary metric), at ranks from <see cref="ClusteredRanks"/>; a cell with fewer than two clusters has none.
    /// </summary>
    private List<QuantileCell> ClusteredQuantiles(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var result = new List<QuantileCell>();
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var y = columns.Value[name];
            var wanted = new List<QuantileRequest>();
            foreach (var (groupColumns, scope, scopeName) in ClusterGroupings(brief, withDay: false).Where(g => g.Scope == CellScope.Overall || name == brief.PrimaryMetric))
            {
                foreach (var row in Query($"SELECT arm{groupColumns}, count() AS n FROM {values} WHERE isNotNull({y}) GROUP BY arm{groupColumns}").Rows)
                {
                    var n = Long(row[^1]);
                    var cell = new QuantileRequest((string)row[0], scope, scopeName, ScopeValue(scope, row), n, QuantileRanks.For(n, q, brief.Analysis.Alpha));
                    if (ClusteredRanks(brief, values, y, cell, q) is { } ranks)
                    {
                        wanted.Add(cell with { Ranks = ranks });
                    }
                }
            }

            result.AddRange(OrderStatistics(brief, name, y, values, wanted));
        }

        return result;
    }

    /// <summary>
    /// A clustered quantile cell's ranks: the point estimate (the value at the independent point rank) is found on the
    /// server, then per cluster the units at or below it (s) and the units with a value (n) give the delta-method
    /// variance of Σs/Σn that replaces q(1 − q)/n (<see cref="QuantileRanks.ForDependent"/>). Null with fewer than two
    /// clusters, or when that variance is not finite.
    /// </summary>
    private QuantileRanks? ClusteredRanks(ExperimentBrief brief, string values, string y, QuantileRequest cell, double q)
    {
        var p = new SqlParameters(ClickHouseDialect.Instance);
        var filter = CellFilter(brief, cell, p);
        // The point first, then compared exactly: a scalar subquery inside an aggregate over a Distributed table fails
        // on 18.16 ("Not found column countIf(… _subquery …) in block").
        var value = Double(Query($"SELECT arraySort(groupArray(assumeNotNull({y})))[{cell.Ranks.Point.ToString(CultureInfo.InvariantCulture)}] FROM {values} WHERE isNotNull({y}) AND {filter}", p).Rows[0][0]);
        var point = ClickHouseSql.ExactDouble(value);
        var row = Query($"""
            SELECT count() AS k, avg(n) AS mn, avg(s) AS ms, varPop(n) AS vn, varPop(s) AS vs, covarPop(s, n) AS cns
            FROM (SELECT cluster, toFloat64(count()) AS n, toFloat64(countIf(assumeNotNull({y}) <= {point})) AS s
                  FROM {values} WHERE isNotNull({y}) AND {filter} GROUP BY cluster)
            """, p).Rows[0];
        var k = Long(row[0]);
        if (k < 2)
        {
            return null;
        }

        var moments = new BivariateMoments(k, Double(row[1]), Double(row[2]), Double(row[3]) * k, Double(row[4]) * k, Double(row[5]) * k);
        var (_, variance) = RatioMetric.Of(moments);
        return double.IsFinite(variance) ? QuantileRanks.ForDependent(cell.Count, q, variance, brief.Analysis.Alpha) : null;
    }
}
