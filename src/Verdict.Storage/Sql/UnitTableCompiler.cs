using System.Globalization;
using System.Text;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Storage.Dialects;

namespace Verdict.Storage.Sql;

/// <summary>
/// Compiles a brief's metric definitions to two statements that materialize temporary tables inside the store:
/// the analysed units (first exposure, arm, segment attributes, enrollment day) and one row per unit with every
/// metric's value and CUPED covariate. Only parameters carry user text (docs/analysis-sql.md). Stateless: every
/// statement is compiled from the resolved plan and what the call passes in; no method depends on another having run.
/// </summary>
internal sealed partial class UnitTableCompiler(SqlDialect dialect, ResolvedPlan plan, MetricColumns columns, IReadOnlyDictionary<string, int> propertyPositions)
{
    public const long MicrosecondsPerDay = 86_400_000_000;

    private readonly ExperimentBrief brief = plan.Brief;

    /// <summary>True when the brief randomizes clusters: units then carry their cluster (the brief's cluster key attribute).</summary>
    private bool Clustered => plan.Clustered;

    /// <summary>
    /// CREATE TEMPORARY TABLE {units}: one row per exposed unit, with arm count and first-exposure facts, and whether it
    /// was first exposed inside the registered burn-in (from the experiment's first exposure): the one place burn-in is
    /// decided; the value table leaves those units out and the population counts them.
    /// </summary>
    public (string Sql, SqlParameters Parameters) Units(string table, long asOf)
    {
        var p = new SqlParameters(dialect);
        return ($"CREATE TEMPORARY TABLE {table} AS\n{UnitsSelect(p, asOf)}", p);
    }

    /// <summary>The select of <see cref="Units"/>: one row per unit exposed up to <paramref name="asOf"/>.</summary>
    private string UnitsSelect(SqlParameters p, long asOf)
    {
        var keys = brief.Segments.Select(s => s.Attribute).ToList();
        if (Clustered)
        {
            keys.Add(brief.Unit.ClusterKey!);
        }

        // The first exposure's attributes are parsed once per unit, after the grouping, not once per exposure and key.
        var keyParameters = keys.Select(k => p.Add(dialect.JsonKey(k))).ToList();
        var attributes = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            var name = Clustered && i == keys.Count - 1 ? "cluster" : "s" + i.ToString(CultureInfo.InvariantCulture);
            attributes.Append(CultureInfo.InvariantCulture, $", {dialect.JsonItem("a.attrs", i, keyParameters)} AS {name}");
        }

        var parse = keys.Count == 0 ? string.Empty : $", {dialect.FirstBy("attributes", "ts")} AS attributes";
        // Without a burn-in no unit is in it: no window over all units is needed to say so.
        var burnIn = plan.BurnIn > TimeSpan.Zero
            ? $"CASE WHEN a.first_ts < MIN(a.first_ts) OVER () + {p.Add(plan.BurnIn.Ticks / 10)} THEN 1 ELSE 0 END"
            : "0";
        return $"""
            SELECT a.unit_id, a.first_ts, a.arm, a.arm_count,
                   {burnIn} AS in_burn_in{attributes}
            FROM (
                SELECT g.*{(keys.Count == 0 ? string.Empty : $", {dialect.JsonParse("g.attributes", keyParameters)} AS attrs")}
                FROM (
                    SELECT unit_id, MIN(ts) AS first_ts, MIN(arm) AS arm, CASE WHEN MIN(arm) = MAX(arm) THEN 1 ELSE 2 END AS arm_count{parse}
                    FROM exposures
                    WHERE experiment = {p.Add(brief.Key)} AND version = {p.Add(brief.Version)} AND ts <= {p.Add(asOf)}
                    GROUP BY unit_id) g) a
            """;
    }

    /// <summary>
    /// CREATE TEMPORARY TABLE {values}: analysed units (one arm, after burn-in) with each metric's per-unit value; with
    /// <paramref name="enrolledFrom"/>, only the units first exposed at or after it (a monitor window's cohort).
    /// </summary>
    public (string Sql, SqlParameters Parameters) Values(string table, string units, long asOf, long? enrolledFrom = null)
    {
        var p = new SqlParameters(dialect);
        return (ValuesStatement(table, p, units, null, asOf, enrolledFrom), p);
    }

    /// <summary>
    /// The values statement over the units table <paramref name="units"/>, or with <paramref name="unitsSelect"/> over
    /// that select inlined, keeping every unit (<see cref="UnitValues"/>).
    /// </summary>
    private string ValuesStatement(string table, SqlParameters p, string units, string? unitsSelect, long asOf, long? enrolledFrom)
    {
        var all = unitsSelect is not null;
        var cohort = enrolledFrom is { } from ? p.Add(from) : null;
        string Analysed(string alias) => $"{alias}.arm_count = 1 AND {alias}.in_burn_in = 0" + (cohort is null ? string.Empty : $" AND {alias}.first_ts >= {cohort}");
        var day = dialect.FloorDivide("u.first_ts", p.Add(MicrosecondsPerDay));
        var groupColumns = string.Concat(Enumerable.Range(0, brief.Segments.Count).Select(i => $", s{i}")) + (Clustered ? ", cluster" : string.Empty);
        var segmentColumns = groupColumns.Replace(", ", ", u.", StringComparison.Ordinal);

        var plain = columns.Value.Keys.ToList();
        var readers = plain.Select(n => brief.Metrics[n]).Concat(plain.Select(n => brief.Metrics[n].Covariate).OfType<CupedCovariate>().Select(c => brief.Metrics[c.Metric])).ToList();
        var scan = EventScan.Of(readers, propertyPositions);
        var eventNames = new HashSet<string>(StringComparer.Ordinal);
        var lookback = 0L;
        var exclusions = new List<EventExclusion>();
        foreach (var name in plain)
        {
            MetricConditions.Collect(scan.Effective(brief.Metrics[name]), eventNames, exclusions);
            if (brief.Metrics[name].Covariate is { } covariate)
            {
                MetricConditions.Collect(scan.Effective(brief.Metrics[covariate.Metric]), eventNames, exclusions);
                lookback = Math.Max(lookback, covariate.Lookback.Ticks / 10);
            }
        }

        exclusions = exclusions.Distinct().ToList();
        var asOfParameter = p.Add(asOf);
        var reads = new Reads(PropertyMap.Of(readers.Select(scan.Effective)), Panel: false);

        var (read, stored, extracted) = PropertyColumns(p, reads.Properties);
        // A window's cohort reads no event older than its start less the covariate lookback: no metric of its units can.
        var since = enrolledFrom is { } start ? p.Add(start - lookback) : null;
        var stream = EventStream(p, eventNames, asOfParameter, since, exclusions, scan, read, stored);

        var aggregates = new StringBuilder();
        var selects = new StringBuilder();
        foreach (var name in plain)
        {
            var definition = brief.Metrics[name];
            var column = columns.Value[name];
            aggregates.Append(CultureInfo.InvariantCulture, $",\n        {Aggregate(scan.Effective(definition), p, exclusions, pre: null, reads)} AS {column}");
            selects.Append(CultureInfo.InvariantCulture, $", {Fill(definition, "a." + column)} AS {column}");
            if (definition.Covariate is { } covariate && columns.Covariate.TryGetValue(name, out var covariateColumn))
            {
                aggregates.Append(CultureInfo.InvariantCulture, $",\n        {Aggregate(scan.Effective(brief.Metrics[covariate.Metric]), p, exclusions, covariate, reads)} AS {covariateColumn}");
                selects.Append(CultureInfo.InvariantCulture, $", COALESCE(a.{covariateColumn}, 0) AS {covariateColumn}");
            }
        }

        if (all)
        {
            return InlinedValues(table, unitsSelect!, Analysed, stream, p.Add(lookback), extracted, aggregates.ToString(), selects.ToString(), segmentColumns, day);
        }

        return $"""
            CREATE TEMPORARY TABLE {table} AS
            WITH eligible AS (
                SELECT u.unit_id, u.first_ts, u.arm, {day} AS day{segmentColumns}
                FROM {units} u
                WHERE {Analysed("u")}),
            raw AS (
            {stream}),
            ev AS (
                SELECT e.*, u.unit_id AS unit, u.first_ts, u.arm, u.day{segmentColumns}
                FROM eligible u LEFT JOIN raw e ON e.unit_id = u.unit_id AND e.ts >= u.first_ts - {p.Add(lookback)}),
            evf AS (SELECT ev.*{extracted} FROM ev),
            a AS (
                SELECT arm, day{groupColumns}{aggregates}
                FROM evf GROUP BY unit, arm, day{groupColumns})
            SELECT a.arm, a.day{groupColumns.Replace(", ", ", a.", StringComparison.Ordinal)}{selects}
            FROM a
            """;
    }

    /// <summary>
    /// How the stream reads properties. A property with a stored column (<see cref="Verdict.Storage.PropertyColumns"/>) is
    /// read from it as <c>pv0</c> (text) and <c>pv0n</c> (number). The others come from one parse of the event's
    /// JSON (<c>pl</c>), taken in the scan and only on the events that carry such a property, and are split into the
    /// same columns after the join. <c>Read(alias)</c> is the stream's select list for rows aliased so; <c>Stored</c>
    /// the stored columns it reads; <c>Extracted</c> the split of <c>pl</c>.
    /// </summary>
    private (Func<string, string> Read, IReadOnlyList<string> Stored, string Extracted) PropertyColumns(SqlParameters p, PropertyMap properties)
    {
        var stored = new List<(string Source, string Alias)>();
        var json = new List<(string Key, string Column, bool Numeric, HashSet<string> Events)>();
        foreach (var (key, (column, events, numeric)) in properties)
        {
            if (propertyPositions.TryGetValue(key, out var position))
            {
                stored.Add((Verdict.Storage.PropertyColumns.Text(position), column));
                if (numeric)
                {
                    stored.Add((Verdict.Storage.PropertyColumns.Number(position), column + "n"));
                }
            }
            else
            {
                json.Add((key, column, numeric, events));
            }
        }

        var extracted = new StringBuilder();
        Func<string, string>? parse = null;
        if (json.Count > 0)
        {
            var keyParameters = json.Select(j => p.Add(dialect.JsonKey(j.Key))).ToList();
            var carriers = p.List(json.SelectMany(j => j.Events).Distinct().Order(StringComparer.Ordinal));
            foreach (var (index, (_, column, numeric, _)) in json.Index())
            {
                var text = dialect.JsonItem("ev.pl", index, keyParameters);
                extracted.Append(CultureInfo.InvariantCulture, $", {text} AS {column}");
                if (numeric)
                {
                    extracted.Append(CultureInfo.InvariantCulture, $", {dialect.TryCastDouble(text)} AS {column}n");
                }
            }

            parse = alias => $"CASE WHEN {alias}.name IN {carriers} THEN {dialect.JsonParse(alias + ".properties", keyParameters)} END AS pl";
        }

        string Read(string alias)
        {
            var list = new StringBuilder();
            foreach (var (source, target) in stored)
            {
                list.Append(CultureInfo.InvariantCulture, $", {alias}.{source} AS {target}");
            }

            if (parse is not null)
            {
                list.Append(", ").Append(parse(alias));
            }

            return list.ToString();
        }

        var sources = stored.Select(s => s.Source).ToList();
        if (json.Count > 0)
        {
            sources.Add("properties");
        }

        return (Read, sources, extracted.ToString());
    }

    /// <summary>
    /// The events the metrics read (weight 1, x = 0), filtered and cleared of excluded events at the scan where
    /// <paramref name="scan"/> can (one branch per name whose excluded events it drops, so each is a plain anti-join),
    /// and, per remaining "unless" exclusion k, the events it removes (weight −1, x = k + 1): the after-events joined to
    /// the excluding events inside the window, one row per event (DISTINCT over its unique idempotency key). A metric
    /// with exclusion k subtracts those rows in the same grouping; the others skip them (docs/analysis-sql.md).
    /// </summary>
    private static string EventStream(SqlParameters p, IReadOnlyCollection<string> names, string asOf, string? since, List<EventExclusion> exclusions, EventScan scan, Func<string, string> read, IReadOnlyList<string> stored)
    {
        var from = since is null ? string.Empty : $" AND e.ts >= {since}";
        var branches = new[] { scan.Condition(p, "e", names.Where(n => !scan.Drops(n)), asOf) }
            .Concat(names.Where(scan.Drops).Order(StringComparer.Ordinal).Select(n => scan.Condition(p, "e", [n], asOf)))
            .OfType<string>().DefaultIfEmpty("e.name IN (NULL)");
        var stream = new StringBuilder();
        foreach (var condition in branches)
        {
            stream.Append(stream.Length == 0 ? string.Empty : "\n    UNION ALL\n").Append(CultureInfo.InvariantCulture, $"""
                    SELECT e.unit_id, e.name, e.ts, e.value{read("e")}, 1 AS w, 0 AS x
                    FROM events e WHERE e.ts <= {asOf}{from} AND {condition}
                """);
        }

        var carried = string.Concat(stored.Select(c => ", s." + c));
        for (var k = 0; k < exclusions.Count; k++)
        {
            var x = exclusions[k];
            var filter = scan.Filter(p, "s", x.After) is { } f ? " AND " + f : string.Empty;
            stream.Append(CultureInfo.InvariantCulture, $"""

                UNION ALL
                SELECT b.unit_id, b.name, b.ts, b.value{read("b")}, -1, {k + 1}
                FROM (
                    SELECT DISTINCT s.idempotency_key, s.unit_id, s.name, s.ts, s.value{carried}
                    FROM events s JOIN events t ON t.unit_id = s.unit_id
                    WHERE s.name = {p.Add(x.After)}{filter} AND s.ts <= {asOf}{(since is null ? string.Empty : $" AND s.ts >= {since}")} AND t.name = {p.Add(x.Event)}
                      AND t.ts >= s.ts AND t.ts <= s.ts + {p.Add(x.Within.Ticks / 10)} AND t.ts <= {asOf}) b
                """);
        }

        return stream.ToString();
    }

    /// <summary>Units without events count as 0 for binary, count and sum metrics; mean-like metrics leave them out.</summary>
    private static string Fill(MetricDefinition definition, string column) => definition.Type switch
    {
        MetricType.Binary or MetricType.Count or MetricType.Sum => $"COALESCE({column}, 0)",
        _ => column,
    };

    /// <summary>
    /// A metric's per-unit aggregate. Rows with x = 0 are the events; a metric with an exclusion also takes the rows of
    /// its exclusion, whose weight -1 subtracts the excluded events, so it counts and sums with weights.
    /// </summary>
    private static string Aggregate(MetricDefinition definition, SqlParameters p, List<EventExclusion> exclusions, CupedCovariate? pre, Reads reads)
    {
        var condition = Condition(definition, p, pre, reads);
        var value = ValueOf(definition, reads.Properties);
        if (definition.Unless is not { } unless)
        {
            condition = exclusions.Count > 0 ? condition + " AND evf.x = 0" : condition;
            return MetricConditions.Aggregate(definition.Type, condition, value);
        }

        condition += $" AND evf.x IN (0, {exclusions.IndexOf(unless) + 1})";
        var weight = $"SUM(CASE WHEN {condition} THEN evf.w ELSE 0 END)";
        return definition.Type switch
        {
            MetricType.Binary => $"CASE WHEN {weight} > 0 THEN 1 ELSE 0 END",
            MetricType.Count => weight,
            MetricType.Sum => $"SUM(CASE WHEN {condition} THEN evf.w * {value} END)",
            _ => $"SUM(CASE WHEN {condition} THEN evf.w * {value} END) / NULLIF({weight}, 0)",
        };
    }

    /// <summary>The event's numeric value, or a numeric property when the metric names one (<c>value: cost_usd</c>).</summary>
    private static string ValueOf(MetricDefinition definition, PropertyMap properties) =>
        definition.Value is null or "value" ? "evf.value" : $"evf.{properties[definition.Value].Column}n";

    /// <summary>The event filter of a metric: name, window from first exposure (or the covariate's pre-period), properties.</summary>
    private static string Condition(MetricDefinition definition, SqlParameters p, CupedCovariate? pre, Reads reads) =>
        MetricConditions.Of(definition, p, pre, column => "evf." + column, ValueOf(definition, reads.Properties), key => "evf." + reads.Properties[key].Column, reads.Panel);

    /// <summary>What one statement reads: the property map of its metrics, and whether it is a panel (no window from first exposure).</summary>
    private sealed record Reads(PropertyMap Properties, bool Panel);
}
