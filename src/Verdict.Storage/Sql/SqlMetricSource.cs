using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Statistics;

namespace Verdict.Storage;

/// <summary>
/// Computes a brief's sufficient statistics inside the store: per-unit values are materialized in temporary tables,
/// then one GROUPING SETS query returns per (arm), (arm, segment) and (arm, day) the count, shifted sums and cross
/// products every metric needs, and a window query returns the order statistics of quantile metrics. Only
/// aggregates reach .NET.
/// </summary>
public sealed class SqlMetricSource(EventStore store) : IMetricSource
{
    private static int sequence;
    private bool clustered;

    public Task<MetricData> LoadAsync(ExperimentBrief brief, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(brief);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Load(brief, asOf));
    }

    /// <summary>The synchronous form of <see cref="LoadAsync"/>.</summary>
    public MetricData Load(ExperimentBrief brief, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var dialect = store.Dialect;
        var columns = new MetricColumns(brief);
        var compiler = new UnitTableCompiler(dialect, brief, columns);
        var id = Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        var units = "verdict_units_" + id;
        var values = "verdict_values_" + id;
        var limit = asOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue;
        try
        {
            var (unitSql, unitParameters) = compiler.Units(units, limit);
            store.Execute(unitSql, unitParameters.Values);
            Refresh(units);
            var (valueSql, valueParameters) = compiler.Values(values, units, limit);
            store.Execute(valueSql, valueParameters.Values);
            Refresh(values);
            clustered = compiler.Clustered;
            UnitCounts counts;
            List<MetricCell> cells;
            List<RatioCovariateCell>? covariates = null;
            if (clustered)
            {
                counts = CountUnits(brief, values);
                (cells, covariates) = ClusterCells(brief, columns, values);
            }
            else
            {
                (cells, counts) = Cells(brief, columns, values);
            }

            var population = Population(brief, units, values, limit, counts);
            var quantiles = Quantiles(brief, columns, values, cells);
            return new MetricData(population, cells, quantiles, covariates);
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {values}", []);
            store.Execute($"DROP TABLE IF EXISTS {units}", []);
        }
    }

    private void Refresh(string table)
    {
        if (store.Dialect.RefreshStatistics(table) is { } statement)
        {
            store.Execute(statement, []);
        }
    }

    /// <summary>
    /// The grouping sets of a cells query: per (arm, segment) and, with days, per (arm, day), whose cells merge into
    /// the overall ones; without days, per (arm) as well.
    /// </summary>
    private static string GroupingSets(ExperimentBrief brief, bool withDay)
    {
        var sets = new List<string> { withDay ? "(arm, day)" : "(arm)" };
        sets.AddRange(Enumerable.Range(0, brief.Segments.Count).Select(i => $"(arm, s{i})"));
        return "GROUPING SETS (" + string.Join(", ", sets) + ")";
    }

    private static string GroupingColumns(ExperimentBrief brief, bool withDay)
    {
        var text = new StringBuilder("arm");
        for (var i = 0; i < brief.Segments.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $", s{i}, GROUPING(s{i}) AS g{i}");
        }

        if (withDay)
        {
            text.Append(", day, GROUPING(day) AS gd");
        }

        return text.ToString();
    }

    /// <summary>Which scope a grouping-sets row belongs to.</summary>
    private static (CellScope Scope, string? Name, string? Value) Scope(DbDataReader reader, ExperimentBrief brief, bool withDay)
    {
        for (var i = 0; i < brief.Segments.Count; i++)
        {
            if (DbValue.Long(reader[$"g{i}"]) == 0)
            {
                var value = reader[$"s{i}"];
                return (CellScope.Segment, brief.Segments[i].Name, value is DBNull ? "(none)" : Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        if (withDay && DbValue.Long(reader["gd"]) == 0)
        {
            var day = DbValue.Long(reader["day"]);
            return (CellScope.Day, "day", DayLabel(day));
        }

        return (CellScope.Overall, null, null);
    }

    /// <summary>Analysed units per arm and per (segment, value, arm).</summary>
    private sealed class UnitCounts
    {
        public Dictionary<string, long> PerArm { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Dictionary<string, Dictionary<string, long>>> PerSegment { get; } = new(StringComparer.Ordinal);

        public void Add(string arm, CellScope scope, string? name, string? value, long n)
        {
            if (scope == CellScope.Segment)
            {
                var byValue = PerSegment.TryGetValue(name!, out var v) ? v : PerSegment[name!] = new(StringComparer.Ordinal);
                var byArm = byValue.TryGetValue(value!, out var a) ? a : byValue[value!] = new(StringComparer.Ordinal);
                byArm[arm] = byArm.GetValueOrDefault(arm) + n;
            }
            else
            {
                // Overall rows, or the day rows that together make them.
                PerArm[arm] = PerArm.GetValueOrDefault(arm) + n;
            }
        }
    }

    /// <summary>Unit counts by their own query (cluster-randomized briefs, whose cells come per cluster).</summary>
    private UnitCounts CountUnits(ExperimentBrief brief, string values)
    {
        var counts = new UnitCounts();
        using var reader = store.Query($"SELECT {GroupingColumns(brief, false)}, COUNT(*) AS n FROM {values} GROUP BY {GroupingSets(brief, false)}", []);
        while (reader.Read())
        {
            var (scope, name, value) = Scope(reader, brief, false);
            counts.Add(reader.GetString(0), scope, name, value, DbValue.Long(reader["n"]));
        }

        return counts;
    }

    private PopulationSummary Population(ExperimentBrief brief, string units, string values, long limit, UnitCounts counts)
    {
        var perArm = counts.PerArm;
        var perSegment = counts.PerSegment;
        Dictionary<string, long>? clusters = null;
        if (clustered)
        {
            clusters = new(StringComparer.Ordinal);
            using var reader = store.Query($"SELECT arm, COUNT(DISTINCT cluster) AS n FROM {values} GROUP BY arm", []);
            while (reader.Read())
            {
                clusters[reader.GetString(0)] = DbValue.Long(reader["n"]);
            }
        }

        var p = new SqlParameters(store.Dialect);
        long multi = 0, burnIn = 0;
        DateTimeOffset? first = null;
        using (var reader = store.Query($"""
            SELECT SUM(CASE WHEN arm_count > 1 THEN 1 ELSE 0 END) AS multi,
                   SUM(CASE WHEN arm_count = 1 AND first_ts < b.start_ts + {p.Add(brief.Analysis.BurnIn.Ticks / 10)} THEN 1 ELSE 0 END) AS burn_in,
                   MIN(first_ts) AS first_ts
            FROM {units}, (SELECT MIN(first_ts) AS start_ts FROM {units}) b
            """, p.Values))
        {
            if (reader.Read() && !reader.IsDBNull(2))
            {
                multi = DbValue.Long(reader["multi"]);
                burnIn = DbValue.Long(reader["burn_in"]);
                first = EventLoader.FromMicroseconds(DbValue.Long(reader["first_ts"]));
            }
        }

        var q = new SqlParameters(store.Dialect);
        var expected = new StringBuilder("CASE arm");
        foreach (var arm in brief.Arms)
        {
            expected.Append(CultureInfo.InvariantCulture, $" WHEN {q.Add(arm.Name)} THEN {q.Add(ReceiptHash.Of(arm.Receipt))}");
        }

        expected.Append(" END");
        var mismatches = brief.Arms.ToDictionary(a => a.Name, _ => 0L, StringComparer.Ordinal);
        long unknown = 0;
        DateTimeOffset? last = null;
        using (var reader = store.Query($"""
            SELECT arm, COUNT(*) AS n, MAX(ts) AS last_ts,
                   SUM(CASE WHEN receipt_hash IS NOT NULL AND receipt_hash <> {expected} THEN 1 ELSE 0 END) AS mismatched
            FROM exposures
            WHERE experiment = {q.Add(brief.Key)} AND version = {q.Add(brief.Version)} AND ts <= {q.Add(limit)}
            GROUP BY arm
            """, q.Values))
        {
            while (reader.Read())
            {
                var arm = reader.GetString(0);
                var lastTs = EventLoader.FromMicroseconds(DbValue.Long(reader["last_ts"]));
                last = last is null || lastTs > last ? lastTs : last;
                if (mismatches.ContainsKey(arm))
                {
                    mismatches[arm] = reader.IsDBNull(3) ? 0 : DbValue.Long(reader["mismatched"]);
                }
                else
                {
                    unknown += DbValue.Long(reader["n"]);
                }
            }
        }

        return new PopulationSummary
        {
            UnitsPerArm = brief.Arms.ToDictionary(a => a.Name, a => perArm.GetValueOrDefault(a.Name), StringComparer.Ordinal),
            UnitsPerSegment = perSegment.ToDictionary(
                s => s.Key,
                s => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>)s.Value.ToDictionary(
                    v => v.Key, v => (IReadOnlyDictionary<string, long>)v.Value, StringComparer.Ordinal),
                StringComparer.Ordinal),
            ClustersPerArm = clusters is null ? null : brief.Arms.ToDictionary(a => a.Name, a => clusters.GetValueOrDefault(a.Name), StringComparer.Ordinal),
            MultiArmUnits = multi,
            BurnInUnits = burnIn,
            ReceiptMismatches = mismatches,
            UnknownArmExposures = unknown,
            FirstExposure = first,
            LastExposure = last,
        };
    }

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
    /// Per-cell moments from one grouping-sets query. Each metric's cell comes as count, means, population variances
    /// and covariance (numerically stable aggregates, no shift pass); the overall cells are the day cells merged in
    /// day order with Chan's update, so the table is grouped once less.
    /// </summary>
    private (List<MetricCell> Cells, UnitCounts Counts) Cells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
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

        var cells = new List<MetricCell>();
        var counts = new UnitCounts();
        var dayCells = new List<(string Day, string Arm, int Metric, BivariateMoments Moments)>();
        using (var rows = store.Query($"SELECT {GroupingColumns(brief, true)}, COUNT(*) AS units{moments} FROM {values} GROUP BY {GroupingSets(brief, true)}", []))
        {
            while (rows.Read())
            {
                var arm = rows.GetString(0);
                var (scope, name, value) = Scope(rows, brief, true);
                counts.Add(arm, scope, name, value, DbValue.Long(rows["units"]));
                for (var i = 0; i < pairs.Count; i++)
                {
                    var n = DbValue.Long(rows[$"n{i}"]);
                    if (n <= 0)
                    {
                        continue;
                    }

                    var withX = pairs[i].X != "0";
                    var cell = new BivariateMoments(
                        n,
                        withX ? D(rows, $"mx{i}") : 0,
                        D(rows, $"my{i}"),
                        withX ? Math.Max(D(rows, $"vx{i}"), 0) * n : 0,
                        Math.Max(D(rows, $"vy{i}"), 0) * n,
                        withX ? D(rows, $"cxy{i}") * n : 0);
                    cells.Add(new MetricCell(pairs[i].Metric, arm, scope, name, value, cell));
                    if (scope == CellScope.Day)
                    {
                        dayCells.Add((value!, arm, i, cell));
                    }
                }
            }
        }

        // Overall = the day cells merged in a fixed order (metric, arm, day), so the result does not depend on row order.
        var overall = dayCells.OrderBy(c => c.Metric).ThenBy(c => c.Arm, StringComparer.Ordinal).ThenBy(c => c.Day, StringComparer.Ordinal)
            .GroupBy(c => (c.Metric, c.Arm));
        foreach (var group in overall)
        {
            var total = BivariateMoments.Empty;
            foreach (var day in group)
            {
                total += day.Moments;
            }

            cells.Add(new MetricCell(pairs[group.Key.Metric].Metric, group.Key.Arm, CellScope.Overall, null, null, total));
        }

        return (cells, counts);
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

    /// <summary>
    /// The order statistics each quantile cell's interval needs (<see cref="QuantileRanks"/>), fetched as discrete
    /// percentiles at the fractions (rank − ½)/n: one aggregate per cell, filtered to the cell, in one query per metric.
    /// </summary>
    private List<QuantileCell> Quantiles(ExperimentBrief brief, MetricColumns columns, string values, List<MetricCell> cells)
    {
        var result = new List<QuantileCell>();
        var alpha = brief.Analysis.Alpha;
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var y = columns.Value[name];

            // Segments are analysed for the primary metric only.
            var withSegments = name == brief.PrimaryMetric;
            var wanted = ValueCounts(brief, values, name, y, cells)
                .Where(c => c.Scope == CellScope.Overall || (c.Scope == CellScope.Segment && withSegments))
                .Select(c => (Cell: c, Ranks: clustered ? ClusteredRanks(brief, values, y, c, q, alpha) : QuantileRanks.For(c.Count, q, alpha)))
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

                var order = ((System.Collections.IEnumerable)reader.GetValue(i)).Cast<object?>().Select(v => DbValue.Double(v ?? DBNull.Value)).ToArray();
                result.Add(new QuantileCell(name, cell.Arm, cell.Scope, cell.ScopeName, cell.ScopeValue, QuantileEstimate.FromOrderStatistics(ranks, order[0], order[1], order[2], alpha)));
            }
        }

        return result;
    }

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

            value = ((System.Collections.IEnumerable)reader.GetValue(0)).Cast<object?>().Select(v => DbValue.Double(v ?? DBNull.Value)).Single();
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

        var moments = new BivariateMoments(k, D(clusters, "mn"), D(clusters, "ms"), D(clusters, "vn") * k, D(clusters, "vs") * k, D(clusters, "cns") * k);
        var (_, variance) = RatioMetric.Of(moments);
        return double.IsFinite(variance) ? QuantileRanks.ForDependent(cell.Count, q, variance, alpha) : null;
    }

    /// <summary>A quantile metric's cells with the number of units that have a value.</summary>
    private sealed record CountCell(string Arm, CellScope Scope, string? ScopeName, string? ScopeValue, long Count);

    /// <summary>
    /// Units with a value per cell: the metric cells' counts, or for a cluster-randomized brief (whose cells count
    /// clusters) a count of the unit-level values, since order statistics are taken over units.
    /// </summary>
    private List<CountCell> ValueCounts(ExperimentBrief brief, string values, string metric, string y, List<MetricCell> cells)
    {
        if (!clustered)
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

    /// <summary>The ISO date of a day number (days since the Unix epoch, UTC), as day cells are labelled.</summary>
    private static string DayLabel(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double D(DbDataReader reader, string column)
    {
        var value = reader[column];
        return DbValue.Double(value);
    }
}
