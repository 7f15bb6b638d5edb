using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Monitoring;
using Verdict.Statistics;

namespace Verdict.Storage;

/// <summary>
/// Computes a brief's sufficient statistics inside the store: per-unit values are materialized in temporary tables,
/// then one GROUPING SETS query returns per (arm), (arm, segment) and (arm, day) the count, shifted sums and cross
/// products every metric needs, and a window query returns the order statistics of quantile metrics. Only
/// aggregates reach .NET.
/// </summary>
public sealed partial class SqlMetricSource(EventStore store) : IMetricSource, IMetricWindowSource
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
        if (store.LoadMetrics(brief, asOf) is { } own)
        {
            return own;
        }

        return Compute(brief, asOf is { } t ? EventLoader.ToMicroseconds(t) : long.MaxValue, null);
    }

    /// <summary>
    /// A monitor window by the same SQL as the analysis: the units first exposed in [<paramref name="start"/>,
    /// <paramref name="end"/>), with their events up to (not including) <paramref name="end"/> (docs/monitor.md).
    /// </summary>
    public MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, end);
        return Compute(brief, EventLoader.ToMicroseconds(end) - 1, EventLoader.ToMicroseconds(start));
    }

    private MetricData Compute(ExperimentBrief brief, long limit, long? enrolledFrom, long? exposedBy = null)
    {
        var dialect = store.Dialect;
        var columns = new MetricColumns(brief);
        var compiler = new UnitTableCompiler(dialect, brief, columns, PropertyColumns.Read(store));
        var id = Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
        var units = "verdict_units_" + id;
        var values = "verdict_values_" + id;
        try
        {
            var (unitSql, unitParameters) = compiler.Units(units, exposedBy ?? limit);
            store.Execute(unitSql, unitParameters.Values);
            Refresh(units);
            var (valueSql, valueParameters) = compiler.Values(values, units, limit, enrolledFrom);
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

            var population = Population(brief, units, values, limit, counts, diagnostics: enrolledFrom is null);
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

    private PopulationSummary Population(ExperimentBrief brief, string units, string values, long limit, UnitCounts counts, bool diagnostics)
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
    private static string DayLabel(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double D(DbDataReader reader, string column)
    {
        var value = reader[column];
        return DbValue.Double(value);
    }
}
