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
            var population = Population(brief, units, values, limit);
            var cells = clustered ? ClusterCells(brief, columns, values) : Cells(brief, columns, values);
            var quantiles = Quantiles(brief, columns, values, cells);
            return new MetricData(population, cells, quantiles);
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

    private string GroupingSets(ExperimentBrief brief, bool withDay)
    {
        var sets = new List<string> { "(arm)" };
        sets.AddRange(Enumerable.Range(0, brief.Segments.Count).Select(i => $"(arm, s{i})"));
        if (withDay)
        {
            sets.Add("(arm, day)");
        }

        return "GROUPING SETS (" + string.Join(", ", sets) + ")";
    }

    private string GroupingColumns(ExperimentBrief brief, bool withDay)
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

    private PopulationSummary Population(ExperimentBrief brief, string units, string values, long limit)
    {
        var perArm = new Dictionary<string, long>(StringComparer.Ordinal);
        var perSegment = new Dictionary<string, Dictionary<string, Dictionary<string, long>>>(StringComparer.Ordinal);
        using (var reader = store.Query($"SELECT {GroupingColumns(brief, false)}, COUNT(*) AS n FROM {values} GROUP BY {GroupingSets(brief, false)}", []))
        {
            while (reader.Read())
            {
                var arm = reader.GetString(0);
                var n = DbValue.Long(reader["n"]);
                var (scope, name, value) = Scope(reader, brief, false);
                if (scope == CellScope.Overall)
                {
                    perArm[arm] = n;
                }
                else
                {
                    var byValue = perSegment.TryGetValue(name!, out var v) ? v : perSegment[name!] = new(StringComparer.Ordinal);
                    var byArm = byValue.TryGetValue(value!, out var a) ? a : byValue[value!] = new(StringComparer.Ordinal);
                    byArm[arm] = n;
                }
            }
        }

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

    private List<MetricCell> Cells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
        var dbl = store.Dialect.DoubleType;

        // Shift constants: the overall means, so sums of squares are taken around values near the mean.
        var shifts = new double[pairs.Count * 2];
        var means = string.Join(", ", pairs.SelectMany((pair, i) => new[]
        {
            $"AVG(CASE WHEN {pair.Filter} THEN CAST({pair.Y} AS {dbl}) END) AS ky{i}",
            $"AVG(CASE WHEN {pair.Filter} THEN CAST({pair.X} AS {dbl}) END) AS kx{i}",
        }));
        using (var reader = store.Query($"SELECT {means} FROM {values}", []))
        {
            reader.Read();
            for (var i = 0; i < shifts.Length; i++)
            {
                shifts[i] = reader.IsDBNull(i) ? 0 : DbValue.Double(reader.GetValue(i));
            }
        }

        var p = new SqlParameters(store.Dialect);
        var sums = new StringBuilder();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (_, y, x, filter) = pairs[i];
            var dy = $"(CAST({y} AS {dbl}) - {p.Add(shifts[2 * i])})";
            var dx = $"(CAST({x} AS {dbl}) - {p.Add(shifts[(2 * i) + 1])})";
            sums.Append(CultureInfo.InvariantCulture, $"""
                , SUM(CASE WHEN {filter} THEN 1 ELSE 0 END) AS n{i}
                , SUM(CASE WHEN {filter} THEN {dy} END) AS sy{i}
                , SUM(CASE WHEN {filter} THEN {dy} * {dy} END) AS syy{i}
                , SUM(CASE WHEN {filter} THEN {dx} END) AS sx{i}
                , SUM(CASE WHEN {filter} THEN {dx} * {dx} END) AS sxx{i}
                , SUM(CASE WHEN {filter} THEN {dx} * {dy} END) AS sxy{i}
                """);
        }

        var cells = new List<MetricCell>();
        using var rows = store.Query($"SELECT {GroupingColumns(brief, true)}{sums} FROM {values} GROUP BY {GroupingSets(brief, true)}", p.Values);
        while (rows.Read())
        {
            var arm = rows.GetString(0);
            var (scope, name, value) = Scope(rows, brief, true);
            for (var i = 0; i < pairs.Count; i++)
            {
                var n = D(rows, $"n{i}");
                if (n <= 0)
                {
                    continue;
                }

                var shifted = BivariateMoments.FromSums((long)n, D(rows, $"sx{i}"), D(rows, $"sy{i}"), Math.Max(D(rows, $"sxx{i}"), 0), Math.Max(D(rows, $"syy{i}"), 0), D(rows, $"sxy{i}"));
                var moments = shifted with { MeanY = shifted.MeanY + shifts[2 * i], MeanX = shifted.MeanX + shifts[(2 * i) + 1] };
                cells.Add(new MetricCell(pairs[i].Metric, arm, scope, name, value, moments));
            }
        }

        return cells;
    }

    /// <summary>
    /// Cells for a cluster-randomized brief: per cluster, the sum of each metric (y) and the number of units with a
    /// value, or the ratio's denominator sum (x); one query per grouping set, since a cluster's roll-up depends on it.
    /// </summary>
    private List<MetricCell> ClusterCells(ExperimentBrief brief, MetricColumns columns, string values)
    {
        var pairs = Pairs(brief, columns);
        var dbl = store.Dialect.DoubleType;
        var groupings = new List<(string Columns, CellScope Scope, string? Name)> { (string.Empty, CellScope.Overall, null) };
        groupings.AddRange(brief.Segments.Select((s, i) => ($", s{i}", CellScope.Segment, (string?)s.Name)));
        groupings.Add((", day", CellScope.Day, "day"));
        var cells = new List<MetricCell>();
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
                    }
                }
            }
        }

        return cells;
    }

    private List<QuantileCell> Quantiles(ExperimentBrief brief, MetricColumns columns, string values, List<MetricCell> cells)
    {
        var result = new List<QuantileCell>();
        var alpha = brief.Analysis.Alpha;
        foreach (var name in columns.Analysed.Where(m => brief.Metrics[m].Type == MetricType.Quantile))
        {
            var q = brief.Metrics[name].Quantile ?? 0.5;
            var y = columns.Value[name];

            // Segments are analysed for the primary metric only, so other quantile metrics need one sort, not one per segment.
            var segmentCount = name == brief.PrimaryMetric ? brief.Segments.Count : 0;
            var wanted = cells.Where(c => c.Metric == name && (c.Scope == CellScope.Overall || (c.Scope == CellScope.Segment && segmentCount > 0)))
                .Select(c => (Cell: c, Ranks: QuantileRanks.For(c.Moments.Count, q, alpha)))
                .ToList();
            if (wanted.Count == 0)
            {
                continue;
            }

            var p = new SqlParameters(store.Dialect);
            var windows = new StringBuilder("ROW_NUMBER() OVER (PARTITION BY arm ORDER BY " + y + ") AS r");
            var filters = new List<string> { "r IN " + p.List(RanksOf(wanted.Where(w => w.Cell.Scope == CellScope.Overall))) };
            var segmentColumns = new StringBuilder();
            for (var i = 0; i < segmentCount; i++)
            {
                windows.Append(CultureInfo.InvariantCulture, $", ROW_NUMBER() OVER (PARTITION BY arm, s{i} ORDER BY {y}) AS r{i}");
                segmentColumns.Append(CultureInfo.InvariantCulture, $", s{i}");
                var ranks = RanksOf(wanted.Where(w => w.Cell.Scope == CellScope.Segment && w.Cell.ScopeName == brief.Segments[i].Name)).ToList();
                if (ranks.Count > 0)
                {
                    filters.Add($"r{i} IN " + p.List(ranks));
                }
            }

            var found = new Dictionary<(string Arm, int Family, string? Value, long Rank), double>();
            using (var reader = store.Query($"SELECT * FROM (SELECT arm{segmentColumns}, {y} AS y, {windows} FROM {values} WHERE {y} IS NOT NULL) t WHERE {string.Join(" OR ", filters)}", p.Values))
            {
                while (reader.Read())
                {
                    var arm = reader.GetString(0);
                    var value = DbValue.Double(reader["y"]);
                    found[(arm, -1, null, DbValue.Long(reader["r"]))] = value;
                    for (var i = 0; i < segmentCount; i++)
                    {
                        var segment = reader[$"s{i}"];
                        found[(arm, i, segment is DBNull ? "(none)" : Convert.ToString(segment, CultureInfo.InvariantCulture), DbValue.Long(reader[$"r{i}"]))] = value;
                    }
                }
            }

            foreach (var (cell, ranks) in wanted)
            {
                var family = cell.Scope == CellScope.Overall ? -1 : brief.Segments.ToList().FindIndex(s => s.Name == cell.ScopeName);
                if (found.TryGetValue((cell.Arm, family, cell.ScopeValue, ranks.Point), out var point)
                    && found.TryGetValue((cell.Arm, family, cell.ScopeValue, ranks.Low), out var low)
                    && found.TryGetValue((cell.Arm, family, cell.ScopeValue, ranks.High), out var high))
                {
                    result.Add(new QuantileCell(name, cell.Arm, cell.Scope, cell.ScopeName, cell.ScopeValue, QuantileEstimate.FromOrderStatistics(ranks, point, low, high, alpha)));
                }
            }
        }

        return result;
    }

    private static IEnumerable<object?> RanksOf(IEnumerable<(MetricCell Cell, QuantileRanks Ranks)> cells) =>
        cells.SelectMany(w => new[] { w.Ranks.Point, w.Ranks.Low, w.Ranks.High }).Distinct().Order().Select(r => (object?)r).DefaultIfEmpty(-1L);

    /// <summary>The ISO date of a day number (days since the Unix epoch, UTC), as day cells are labelled.</summary>
    private static string DayLabel(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double D(DbDataReader reader, string column)
    {
        var value = reader[column];
        return DbValue.Double(value);
    }
}
