using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Storage.ClickHouse.Http;
using Verdict.Storage.Sql;

namespace Verdict.Storage.ClickHouse.Analysis;

/// <summary>
/// A brief's sufficient statistics computed on a ClickHouse cluster: every shard builds its units and per-unit values
/// into Memory tables of its own, from its local rows (<see cref="ClickHouseUnitCompiler"/>; units are sharded by id),
/// and Distributed tables over them are dropped with them when the load ends. Small GROUP BY queries then return
/// per (arm), (arm, day) and (arm, segment) the count and shifted sums of every metric, and sorted arrays give the
/// order statistics of quantile metrics. Only aggregates reach .NET; the results match <see cref="SqlMetricSource"/>.
/// </summary>
public sealed partial class ClickHouseMetricSource(ClickHouseEventStore store) : IMetricSource
{

    /// <inheritdoc/>
    public Task<MetricData> LoadAsync(ResolvedPlan plan, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Load(plan.Brief, asOf));
    }

    /// <summary>The synchronous form of <see cref="LoadAsync"/>.</summary>
    public MetricData Load(ExperimentBrief brief, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var columns = new MetricColumns(brief);
        var database = store.Address.Database;
        var compiler = new ClickHouseUnitCompiler(brief, columns, database);
        var id = Guid.NewGuid().ToString("N");
        var unitsLocal = $"verdict_units_{id}_local";
        var valuesLocal = $"verdict_values_{id}_local";
        var units = $"{database}.verdict_units_{id}";
        var values = $"{database}.verdict_values_{id}";
        var limit = asOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue;
        var shards = store.Shards;
        try
        {
            var start = Row(compiler.Start(limit));
            var enrolledFrom = (Long(start[1]) == 0 ? 0 : Long(start[0])) + (brief.Analysis.BurnIn.Ticks / 10);
            // Each shard builds its own units and per-unit values from its local tables, side by side; the queries
            // below read them through Distributed tables, so only aggregates leave a shard.
            var unitsSql = Bind(compiler.Units($"{database}.{unitsLocal}", limit));
            var valuesSql = Bind(compiler.Values($"{database}.{valuesLocal}", $"{database}.{unitsLocal}", enrolledFrom, limit));
            OnEveryShard(shards, shard =>
            {
                shard.Execute(unitsSql);
                shard.Execute(valuesSql);
            });
            var cluster = ClickHouseSql.Identifier(store.Address.Cluster);
            store.Client.Execute($"CREATE TABLE {units} AS {database}.{unitsLocal} ENGINE = Distributed({cluster}, {database}, {unitsLocal})");
            store.Client.Execute($"CREATE TABLE {values} AS {database}.{valuesLocal} ENGINE = Distributed({cluster}, {database}, {valuesLocal})");
            var pairs = Pairs(brief, columns);
            if (compiler.Clustered)
            {
                // Cells per cluster, as the shared SQL does (docs/analysis.md, "Cluster randomization").
                var (perArmUnits, perSegmentUnits) = CountUnits(brief, values);
                var (clusterCells, covariates) = ClusterCells(brief, pairs, values);
                var clustered = Population(brief, units, enrolledFrom, limit, perArmUnits, perSegmentUnits, ClustersPerArm(values));
                return new MetricData(clustered, clusterCells, ClusteredQuantiles(brief, columns, values), covariates);
            }

            var (cells, perArm, perSegment) = Cells(brief, pairs, values);
            var population = Population(brief, units, enrolledFrom, limit, perArm, perSegment, null);
            var quantiles = Quantiles(brief, columns, values, cells);
            return new MetricData(population, cells, quantiles);
        }
        finally
        {
            store.Client.Execute($"DROP TABLE IF EXISTS {values}");
            store.Client.Execute($"DROP TABLE IF EXISTS {units}");
            foreach (var shard in shards)
            {
                shard.Execute($"DROP TABLE IF EXISTS {database}.{valuesLocal}");
                shard.Execute($"DROP TABLE IF EXISTS {database}.{unitsLocal}");
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on every shard at once; the first failure is rethrown as it was.</summary>
    private static void OnEveryShard(IReadOnlyList<ClickHouseHttpClient> shards, Action<ClickHouseHttpClient> work)
    {
        try
        {
            Parallel.ForEach(shards, new ParallelOptions { MaxDegreeOfParallelism = shards.Count }, work);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static string Bind((string Sql, SqlParameters Parameters) statement) => ClickHouseSql.Bind(statement.Sql, statement.Parameters.Values);

    private ClickHouseResult Query(string sql, SqlParameters? parameters = null) =>
        store.Client.Query(parameters is null ? sql : ClickHouseSql.Bind(sql, parameters.Values));

    private object[] Row((string Sql, SqlParameters Parameters) query) => Query(query.Sql, query.Parameters).Rows[0];

    private static long Long(object value) => value is DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double Double(object value) => value is DBNull ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>(y, x, filter) per analysed metric: value and covariate, or a ratio's numerator and denominator.</summary>
    private static List<(string Metric, string Y, string X, string Filter)> Pairs(ExperimentBrief brief, MetricColumns columns)
    {
        var pairs = new List<(string, string, string, string)>();
        foreach (var name in columns.Analysed)
        {
            var definition = brief.Metrics[name];
            if (definition.Type == MetricType.Ratio)
            {
                pairs.Add((name, $"toFloat64(ifNull({columns.Value[definition.Numerator!]}, 0))", $"toFloat64(ifNull({columns.Value[definition.Denominator!]}, 0))", "1"));
            }
            else
            {
                var y = columns.Value[name];
                var x = columns.Covariate.TryGetValue(name, out var c) ? $"toFloat64({c})" : null;
                pairs.Add((name, $"toFloat64({y})", x ?? "0", $"isNotNull({y})"));
            }
        }

        return pairs;
    }

    /// <summary>The ISO date of a day number (days since the Unix epoch, UTC).</summary>
    private static string DayLabel(long day) => DayCells.Label(DayCells.FromUnixDay(day));

    /// <summary>
    /// Cells per (arm), (arm, day) and (arm, segment): for each metric the count and the sums of y − Ky, x − Kx and their
    /// squares and product, where the shifts K are the metric's mean over every analysed unit (so the sums of squares
    /// do not cancel), turned into means and centred sums.
    /// </summary>
    private (List<MetricCell> Cells, Dictionary<string, long> PerArm, Dictionary<string, Dictionary<string, Dictionary<string, long>>> PerSegment) Cells(
        ExperimentBrief brief, List<(string Metric, string Y, string X, string Filter)> pairs, string values)
    {
        var shifts = Query($"SELECT {string.Join(", ", pairs.SelectMany(pair => new[] { $"avgIf({pair.Y}, {pair.Filter})", $"avgIf({pair.X}, {pair.Filter})" }))} FROM {values}")
            .Rows[0].Select(v => v is double d && double.IsFinite(d) ? d : 0).ToArray();
        var sums = new StringBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (_, y, x, filter) = pairs[i];
            string Ky() => shifts[2 * i].ToString("R", CultureInfo.InvariantCulture);
            string Kx() => shifts[(2 * i) + 1].ToString("R", CultureInfo.InvariantCulture);
            var dy = $"({y} - {Ky()})";
            var dx = $"({x} - {Kx()})";
            sums.Append(CultureInfo.InvariantCulture, $", countIf({filter}) AS n{i}, sumIf({dy}, {filter}) AS sy{i}, sumIf({dy} * {dy}, {filter}) AS syy{i}");
            sums.Append(CultureInfo.InvariantCulture, $", sumIf({dx}, {filter}) AS sx{i}, sumIf({dx} * {dx}, {filter}) AS sxx{i}, sumIf({dx} * {dy}, {filter}) AS sxy{i}");
        }

        var cells = new List<MetricCell>();
        var perArm = new Dictionary<string, long>(StringComparer.Ordinal);
        var perSegment = new Dictionary<string, Dictionary<string, Dictionary<string, long>>>(StringComparer.Ordinal);
        var groupings = new List<(string Column, CellScope Scope, string? Name)> { (string.Empty, CellScope.Overall, null), ("day", CellScope.Day, "day") };
        groupings.AddRange(brief.Segments.Select((s, i) => ("s" + i.ToString(CultureInfo.InvariantCulture), CellScope.Segment, (string?)s.Name)));
        foreach (var (column, scope, name) in groupings)
        {
            var keys = column.Length == 0 ? "arm" : "arm, " + column;
            var result = Query($"SELECT {keys}, count() AS units{sums} FROM {values} GROUP BY {keys}");
            foreach (var row in result.Rows)
            {
                var arm = (string)row[0];
                var offset = column.Length == 0 ? 1 : 2;
                string? value = scope switch
                {
                    CellScope.Day => DayLabel(Long(row[1])),
                    CellScope.Segment => row[1] is DBNull ? "(none)" : (string)row[1],
                    _ => null,
                };
                if (scope == CellScope.Overall)
                {
                    perArm[arm] = Long(row[1]);
                }
                else if (scope == CellScope.Segment)
                {
                    var byValue = perSegment.TryGetValue(name!, out var v) ? v : perSegment[name!] = new(StringComparer.Ordinal);
                    (byValue.TryGetValue(value!, out var a) ? a : byValue[value!] = new(StringComparer.Ordinal))[arm] = Long(row[offset]);
                }

                for (var i = 0; i < pairs.Count; i++)
                {
                    var at = offset + 1 + (6 * i);
                    var n = Long(row[at]);
                    if (n > 0)
                    {
                        var moments = Moments(n, shifts[(2 * i) + 1], shifts[2 * i], Double(row[at + 3]), Double(row[at + 1]), Double(row[at + 4]), Double(row[at + 2]), Double(row[at + 5]));
                        cells.Add(new MetricCell(pairs[i].Metric, arm, scope, name, value, moments));
                    }
                }
            }
        }

        return (cells, perArm, perSegment);
    }

    /// <summary>Means and centred sums from sums of values shifted by (kx, ky): S_xx = Σ(x−k)² − (Σ(x−k))²/n, and so on.</summary>
    private static BivariateMoments Moments(long n, double kx, double ky, double sx, double sy, double sxx, double syy, double sxy) =>
        new(n, kx + (sx / n), ky + (sy / n), Math.Max(sxx - (sx * sx / n), 0), Math.Max(syy - (sy * sy / n), 0), sxy - (sx * sy / n));
}
