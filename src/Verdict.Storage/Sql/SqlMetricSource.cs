using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;

namespace Verdict.Storage.Sql;

/// <summary>
/// Computes a brief's sufficient statistics inside the store: per-unit values are materialized in temporary tables,
/// then one GROUPING SETS query returns per (arm), (arm, segment) and (arm, day) the count, shifted sums and cross
/// products every metric needs, and a window query returns the order statistics of quantile metrics. Only
/// aggregates reach .NET.
/// </summary>
public sealed partial class SqlMetricSource(EventStore store) : IMetricSource, IMetricWindowSource
{
    /// <inheritdoc/>
    public Task<MetricData> LoadAsync(ResolvedPlan plan, DateTimeOffset? asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Load(plan, asOf));
    }

    /// <summary>The synchronous form of <see cref="LoadAsync"/>.</summary>
    public MetricData Load(ResolvedPlan plan, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (store.LoadMetrics(plan.Brief, asOf) is { } own)
        {
            return own;
        }

        return Compute(plan, asOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue, null);
    }

    /// <summary><see cref="Load(ResolvedPlan, DateTimeOffset?)"/> for a brief whose plan is resolved here.</summary>
    public MetricData Load(ExperimentBrief brief, DateTimeOffset? asOf) => Load(ResolvedPlan.From(brief), asOf);

    /// <summary>
    /// A monitor window by the same SQL as the analysis: the units first exposed in [<paramref name="start"/>,
    /// <paramref name="end"/>), with their events up to (not including) <paramref name="end"/> (docs/monitor.md).
    /// </summary>
    public MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, end);
        return Compute(ResolvedPlan.From(brief), EventLoader.ToMicroseconds(end) - 1, EventLoader.ToMicroseconds(start));
    }

    /// <summary>
    /// Materializes the plan's unit and value tables under names of this call's own (so concurrent loads on one store
    /// never share a table), reads the aggregates, and drops the tables. Everything it needs is passed in: the source
    /// keeps no state between calls.
    /// </summary>
    private MetricData Compute(ResolvedPlan plan, long limit, long? enrolledFrom, long? exposedBy = null)
    {
        var brief = plan.Brief;
        var columns = new MetricColumns(brief);
        var compiler = new UnitTableCompiler(store.Dialect, plan, columns, PropertyColumns.Read(store));
        var units = TemporaryTable.Name("verdict_units_");
        var values = TemporaryTable.Name("verdict_values_");
        var inline = store.Dialect.InlineUnits;
        try
        {
            if (inline)
            {
                // One table of every unit with its values; the analysed ones are a view of it, read as the values table is.
                var (sql, parameters) = compiler.UnitValues(units, exposedBy ?? limit, limit, enrolledFrom);
                store.Execute(sql, parameters.Values);
                store.Execute($"CREATE TEMPORARY VIEW {values} AS SELECT * FROM {units} WHERE analysed = 1", []);
            }
            else
            {
                var (unitSql, unitParameters) = compiler.Units(units, exposedBy ?? limit);
                store.Execute(unitSql, unitParameters.Values);
                Refresh(units);
                var (valueSql, valueParameters) = compiler.Values(values, units, limit, enrolledFrom);
                store.Execute(valueSql, valueParameters.Values);
                Refresh(values);
            }

            UnitCounts counts;
            List<MetricCell> cells;
            List<RatioCovariateCell>? covariates = null;
            if (plan.Clustered)
            {
                counts = CountUnits(brief, values);
                (cells, covariates) = ClusterCells(brief, columns, values);
            }
            else
            {
                (cells, counts) = Cells(brief, columns, values);
            }

            var population = Population(plan, units, values, limit, counts, diagnostics: enrolledFrom is null);
            var quantiles = Quantiles(plan, columns, values, cells);
            return new MetricData(population, cells, quantiles, covariates);
        }
        finally
        {
            store.Execute($"DROP {(inline ? "VIEW" : "TABLE")} IF EXISTS {values}", []);
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

    private PopulationSummary Population(ResolvedPlan plan, string units, string values, long limit, UnitCounts counts, bool diagnostics)
    {
        var brief = plan.Brief;
        var perArm = counts.PerArm;
        var perSegment = counts.PerSegment;
        Dictionary<string, long>? clusters = null;
        if (plan.Clustered)
        {
            clusters = new(StringComparer.Ordinal);
            using var reader = store.Query($"SELECT arm, COUNT(DISTINCT cluster) AS n FROM {values} GROUP BY arm", []);
            while (reader.Read())
            {
                clusters[reader.GetString(0)] = DbValue.Long(reader["n"]);
            }
        }

        long multi = 0, burnIn = 0;
        DateTimeOffset? first = null;
        using (var reader = store.Query($"""
            SELECT SUM(CASE WHEN arm_count > 1 THEN 1 ELSE 0 END) AS multi,
                   SUM(CASE WHEN arm_count = 1 AND in_burn_in = 1 THEN 1 ELSE 0 END) AS burn_in,
                   MIN(first_ts) AS first_ts
            FROM {units}
            """, []))
        {
            if (reader.Read() && !reader.IsDBNull(2))
            {
                multi = DbValue.Long(reader["multi"]);
                burnIn = DbValue.Long(reader["burn_in"]);
                first = EventLoader.FromMicroseconds(DbValue.Long(reader["first_ts"]));
            }
        }

        return ExposureSummary.Read(store, brief, limit).Population(brief, perArm, perSegment, clusters, (multi, burnIn, first)) with
        {
            // The analysis's data diagnostics (events per name, versions in the store); a monitor window does not read them.
            EventsByName = diagnostics ? EventsByName(brief, limit) : null,
            VersionsInStore = diagnostics ? VersionsInStore(brief) : null,
        };
    }

    /// <summary>Events per name the brief's metrics read, up to <paramref name="limit"/> (names absent from the store count 0).</summary>
    private Dictionary<string, long> EventsByName(ExperimentBrief brief, long limit)
    {
        var names = brief.Metrics.Values.SelectMany(m => m.Events).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = names.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return counts;
        }

        var p = new SqlParameters(store.Dialect);
        var list = string.Join(", ", names.Select(n => p.Add(n)));
        using var reader = store.Query($"SELECT name, COUNT(*) AS n FROM events WHERE ts <= {p.Add(limit)} AND name IN ({list}) GROUP BY name", p.Values);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = DbValue.Long(reader["n"]);
        }

        return counts;
    }

    /// <summary>The versions of the brief's key that have exposures in the store.</summary>
    private List<int> VersionsInStore(ExperimentBrief brief)
    {
        var p = new SqlParameters(store.Dialect);
        var versions = new List<int>();
        using var reader = store.Query($"SELECT DISTINCT version FROM exposures WHERE experiment = {p.Add(brief.Key)} ORDER BY version", p.Values);
        while (reader.Read())
        {
            versions.Add((int)DbValue.Long(reader[0]));
        }

        return versions;
    }

    /// <summary>The ISO date of a day number (days since the Unix epoch, UTC), as day cells are labelled.</summary>
    private static string DayLabel(long day) => DayCells.Label(DayCells.FromUnixDay(day));

    private static double D(DbDataReader reader, string column)
    {
        var value = reader[column];
        return DbValue.Double(value);
    }
}
