using System.Globalization;
using System.Text;
using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Storage.Sql;

namespace Verdict.Storage.ClickHouse.Analysis;

/// <summary>
/// Compiles a brief to the two per-shard tables of a ClickHouse analysis, in SQL that ClickHouse 18.16 accepts (one
/// JOIN per SELECT, equality joins only, no CTEs, no window functions, no lambdas beside a JOIN): each shard's exposed
/// units, from its local exposures; and one row per analysed unit of the shard with each metric's value and CUPED
/// covariate, from its local events. Both read only the shard's local tables, which is right because every table is
/// sharded by unit; no per-unit row travels between servers (<see cref="ClickHouseMetricSource"/> reads them through
/// Distributed tables, so only aggregates do). Tables are named with their database. The semantics follow the shared compiler (docs/analysis.md):
/// an "unless" exclusion removes an event that has an excluding event of the same unit within the window after it.
/// </summary>
internal sealed class ClickHouseUnitCompiler(ExperimentBrief brief, MetricColumns columns, string database)
{
    private const long MicrosecondsPerDay = UnitTableCompiler.MicrosecondsPerDay;
    private readonly ClickHouseDialect dialect = ClickHouseDialect.Instance;

    /// <summary>True when the brief randomizes clusters: units then carry their cluster (the brief's cluster key attribute).</summary>
    public bool Clustered => brief.Unit.Randomization == RandomizationUnit.Cluster && brief.Unit.ClusterKey is not null;

    /// <summary>The events and exposures a brief reads: experiment, version and time limit.</summary>
    private string ExposureFilter(SqlParameters p, long asOf) =>
        $"experiment = {p.Add(brief.Key)} AND version = {p.Add(brief.Version)} AND ts <= {p.Add(asOf)}";

    /// <summary>The first exposure of the brief's experiment (the burn-in counts from it), and how many exposures there are.</summary>
    public (string Sql, SqlParameters Parameters) Start(long asOf)
    {
        var p = new SqlParameters(dialect);
        return ($"SELECT min(ts) AS start_ts, count() AS n FROM {database}.exposures WHERE {ExposureFilter(p, asOf)}", p);
    }

    /// <summary>
    /// CREATE TABLE {table} (a Memory table on one shard): per unit of that shard's exposures, the first exposure, arm,
    /// arm count, day, segment values and cluster. Run on every shard: units are sharded by id, so each is whole on one.
    /// </summary>
    public (string Sql, SqlParameters Parameters) Units(string table, long asOf)
    {
        var p = new SqlParameters(dialect);
        var keys = brief.Segments.Select((s, i) => (s.Attribute, Column: "s" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        if (Clustered)
        {
            keys.Add((brief.Unit.ClusterKey!, "cluster"));
        }

        // Per key, the first exposure's value and whether it has the key, as two plain argMins over the same rows (they
        // keep the same row: the same strict comparison of ts in the same order). A tuple of the attribute arrays took
        // 2.5 times as long at 10 M events (docs/clickhouse.md); a Nullable argMin would skip a first exposure without the key.
        var segments = new StringBuilder();
        var attributes = new StringBuilder();
        foreach (var (attribute, column) in keys)
        {
            var key = p.Add(attribute);
            attributes.Append(CultureInfo.InvariantCulture, $", {dialect.FirstBy($"attributes.value[indexOf(attributes.key, {key})]", "ts")} AS v_{column}");
            attributes.Append(CultureInfo.InvariantCulture, $", {dialect.FirstBy($"has(attributes.key, {key})", "ts")} AS h_{column}");
            segments.Append(CultureInfo.InvariantCulture, $", if(h_{column} = 1, v_{column}, NULL) AS {column}");
        }

        var sql = $"""
            CREATE TABLE {table} ENGINE = Memory AS
            SELECT unit_id, first_ts, arm_lo AS arm, if(arm_lo = arm_hi, 1, 2) AS arm_count,
                   {dialect.FloorDivide("first_ts", p.Add(MicrosecondsPerDay))} AS day{segments}
            FROM (
                SELECT unit_id, min(ts) AS first_ts, min(arm) AS arm_lo, max(arm) AS arm_hi{attributes}
                FROM {database}.exposures_local WHERE {ExposureFilter(p, asOf)}
                GROUP BY unit_id)
            """;
        return (sql, p);
    }

    /// <summary>
    /// CREATE TABLE {values} (a Memory table on one shard): that shard's analysed units (one arm, first exposure at or
    /// after <paramref name="enrolledFrom"/>, read from the shard's <paramref name="units"/> table) with each metric's
    /// value (m0, m1, …) and covariate (c0, …), from the shard's own events.
    /// </summary>
    public (string Sql, SqlParameters Parameters) Values(string table, string units, long enrolledFrom, long asOf)
    {
        var p = new SqlParameters(dialect);
        var plain = columns.Value.Keys.ToList();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var exclusions = new List<EventExclusion>();
        var lookback = 0L;
        foreach (var name in plain)
        {
            MetricConditions.Collect(brief.Metrics[name], names, exclusions);
            if (brief.Metrics[name].Covariate is { } covariate)
            {
                MetricConditions.Collect(brief.Metrics[covariate.Metric], names, exclusions);
                lookback = Math.Max(lookback, covariate.Lookback.Ticks / 10);
            }
        }

        exclusions = exclusions.Distinct().ToList();
        var with = new WithList();
        var aggregates = new StringBuilder();
        var selects = new StringBuilder();
        foreach (var name in plain)
        {
            var definition = brief.Metrics[name];
            var column = columns.Value[name];
            aggregates.Append(CultureInfo.InvariantCulture, $", {Aggregate(definition, p, exclusions, with, null)} AS a_{column}");
            selects.Append(definition.Type is MetricType.Binary or MetricType.Count or MetricType.Sum
                ? $", ifNull(a_{column}, 0) AS {column}"
                : $", a_{column} AS {column}");
            if (definition.Covariate is { } covariate && columns.Covariate.TryGetValue(name, out var covariateColumn))
            {
                aggregates.Append(CultureInfo.InvariantCulture, $", {Aggregate(brief.Metrics[covariate.Metric], p, exclusions, with, covariate)} AS a_{covariateColumn}");
                selects.Append(CultureInfo.InvariantCulture, $", ifNull(a_{covariateColumn}, 0) AS {covariateColumn}");
            }
        }

        var asOfParameter = p.Add(asOf);
        var from = p.Add(enrolledFrom);
        var eligible = $"""
            SELECT unit_id, min(ts) AS first_ts FROM {database}.exposures_local WHERE {ExposureFilter(p, asOf)}
                    GROUP BY unit_id HAVING min(arm) = max(arm) AND first_ts >= {from}
            """;
        if (exclusions.Count > 0)
        {
            // Per unit, the times of each exclusion's excluding events, from the same shard's events.
            var arrays = string.Concat(exclusions.Select((x, k) => $", arraySort(groupArrayIf(ts, name = {p.Add(x.Event)})) AS t{k}"));
            var excluding = p.List(exclusions.Select(x => x.Event).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            eligible = $"""
                SELECT unit_id, first_ts{string.Concat(exclusions.Select((_, k) => $", t{k}"))} FROM ({eligible})
                    ANY LEFT JOIN (SELECT unit_id{arrays} FROM {database}.events_local WHERE ts <= {asOfParameter} AND name IN {excluding} GROUP BY unit_id) USING unit_id
                """;
        }

        var withClause = with.Count == 0 ? string.Empty : "WITH " + string.Join(",\n     ", with) + "\n";
        var fill = string.Concat(Enumerable.Range(0, brief.Segments.Count).Select(i => $", s{i}")) + (Clustered ? ", cluster" : string.Empty);
        var sql = $"""
            CREATE TABLE {table} ENGINE = Memory AS
            SELECT arm, day{fill}{selects}
            FROM {units} ANY LEFT JOIN (
                {withClause}SELECT unit_id{aggregates}
                FROM {database}.events_local FINAL
                ANY INNER JOIN ({eligible}) USING unit_id
                WHERE ts <= {asOfParameter} AND name IN {p.List(names)} AND ts >= first_ts - {p.Add(lookback)}
                GROUP BY unit_id) USING unit_id
            WHERE arm_count = 1 AND first_ts >= {from}
            """;
        return (sql, p);
    }

    /// <summary>
    /// A metric's per-unit aggregate over the unit's events that meet its condition: 1 if any (binary), how many
    /// (count), the sum or the mean of the value. A metric with an exclusion leaves out the events it excludes.
    /// </summary>
    private static string Aggregate(MetricDefinition definition, SqlParameters p, List<EventExclusion> exclusions, WithList with, CupedCovariate? pre)
    {
        var condition = Condition(definition, p, with, pre);
        if (definition.Unless is { } unless)
        {
            condition += " AND NOT " + Excluded(exclusions.IndexOf(unless), unless, p, with);
        }

        return MetricConditions.Aggregate(definition.Type, condition, ValueOf(definition, p, with));
    }

    /// <summary>
    /// Whether exclusion k removes the event: it is an "after" event and the first excluding event at or after it
    /// comes within the window. That event is found without a lambda (18.16 cannot capture a column beside a JOIN):
    /// the event's time is sorted in among the unit's excluding times, and the element after it is the next one.
    /// </summary>
    private static string Excluded(int k, EventExclusion exclusion, SqlParameters p, WithList with)
    {
        var flag = $"ex{k}";
        if (!with.Any(w => w.EndsWith(" AS " + flag, StringComparison.Ordinal)))
        {
            var xs = $"arraySort(arrayConcat(t{k}, [ts]))";
            var xp = $"indexOf({xs}, ts)";
            with.Add($"(name = {p.Add(exclusion.After)} AND {xp} < length({xs}) AND {xs}[{xp} + 1] <= ts + {p.Add(exclusion.Within.Ticks / 10)}) AS {flag}");
        }

        return flag;
    }

    /// <summary>The event's value, or a numeric property (read once per event through a WITH alias).</summary>
    private static string ValueOf(MetricDefinition definition, SqlParameters p, WithList with) =>
        definition.Value is null or "value" ? "value" : Property(definition.Value, p, with) + "n";

    /// <summary>The alias of a property's text (and, with the suffix n, its number), defined once in the WITH list.</summary>
    private static string Property(string key, SqlParameters p, WithList with)
    {
        if (!with.Columns.TryGetValue(key, out var column))
        {
            column = "pv" + with.Columns.Count.ToString(CultureInfo.InvariantCulture);
            with.Columns[key] = column;
            // No alias built on another: run on a shard's local table beside a JOIN, 18.16 does not resolve a WITH alias
            // inside another (the Distributed rewrite used to inline them); the same text is computed once.
            var text = ClickHouseDialect.Instance.JsonText("properties", p.Add(key));
            with.Add($"{text} AS {column}");
            with.Add($"{ClickHouseDialect.Instance.TryCastDouble(text)} AS {column}n");
        }

        return column;
    }

    /// <summary>The event filter: name, window from first exposure (or the covariate's period), value present, properties.</summary>
    private static string Condition(MetricDefinition definition, SqlParameters p, WithList with, CupedCovariate? pre) =>
        MetricConditions.Of(definition, p, pre, column => column, ValueOf(definition, p, with), key => Property(key, p, with));

    /// <summary>One statement's WITH list, and the alias each property read in it got (a new list per statement: the compiler keeps no state).</summary>
    private sealed class WithList : List<string>
    {
        public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);
    }
}
