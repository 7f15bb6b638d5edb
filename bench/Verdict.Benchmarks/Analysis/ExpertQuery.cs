using System.Globalization;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The peer of the full analysis (issue 19): the one DuckDB statement an expert would write by hand for the benchmark
/// brief, returning every number the analysis reads — cells with covariate moments per (arm, day) and (arm, segment),
/// the p95's order statistics, units per arm and segment, and the population facts. It knows the brief: event names,
/// windows, the filter, the exclusion and the property columns are spelled out, not compiled. <see cref="ExpertAnalysis"/>
/// turns its rows into the analysis's input and runs the same statistics.
/// </summary>
public static class ExpertQuery
{
    /// <summary>The cell pairs, in the analysis's metric order: metric, y column, x column (null without one).</summary>
    public static IReadOnlyList<(string Metric, string Y, string? X)> Pairs { get; } =
    [
        ("resolved_conversation_rate", "m0", "c0"),
        ("cost_per_resolved_conversation", "m5", "m0"),
        ("answer_tokens", "m1", null),
        ("grounded_answer_failure_rate", "m2", null),
        ("p95_latency", "m3", null),
        ("escalation_rate", "m4", null),
        ("answer_cost_usd", "m5", null),
    ];

    /// <summary>
    /// The statement for a store whose property catalog is <paramref name="positions"/> (key → column number: the
    /// expert reads the schema once) and whose arms' receipt hashes are <paramref name="receipts"/>, in DuckDB's SQL or,
    /// with <paramref name="postgres"/>, PostgreSQL's (first-by, JSON and integer division are spelled differently).
    /// </summary>
    public static string Sql(IReadOnlyDictionary<string, int> positions, IReadOnlyList<(string Arm, string Hash)> receipts, bool postgres = false)
    {
        string Text(string key) => "p" + positions[key].ToString(CultureInfo.InvariantCulture);
        string Number(string key) => Text(key) + "_num";
        var dbl = postgres ? "double precision" : "DOUBLE";
        var expected = "CASE arm" + string.Concat(receipts.Select(r => $" WHEN '{r.Arm}' THEN '{r.Hash}'")) + " END";
        var cell = new List<(string, string)>
        {
            ("arm", "arm"), ("s0", "s0"), ("s1", "s1"), ("s2", "s2"), ("day", "day"),
            ("g0", "GROUPING(s0)"), ("g1", "GROUPING(s1)"), ("g2", "GROUPING(s2)"), ("gd", "GROUPING(day)"), ("units", "COUNT(*)"),
        };
        foreach (var (pair, i) in Pairs.Select((pair, i) => (pair, i)))
        {
            cell.Add(($"n{i}", pair.X is null ? $"COUNT({pair.Y})" : "COUNT(*)"));
            cell.Add(($"my{i}", $"AVG(CAST({pair.Y} AS {dbl}))"));
            cell.Add(($"vy{i}", $"VAR_POP(CAST({pair.Y} AS {dbl}))"));
            if (pair.X is { } x)
            {
                cell.Add(($"mx{i}", $"AVG(CAST({x} AS {dbl}))"));
                cell.Add(($"vx{i}", $"VAR_POP(CAST({x} AS {dbl}))"));
                cell.Add(($"cxy{i}", $"COVAR_POP(CAST({pair.Y} AS {dbl}), CAST({x} AS {dbl}))"));
            }
        }

        // One result for every kind of row: each branch names its columns, the others are NULL.
        var columns = cell.Select(c => c.Item1).Concat(["rp", "rl", "rh", "qp", "ql", "qh", "first_ts", "last_ts", "mismatched"]).ToList();
        string Select(string kind, IEnumerable<(string Column, string Expression)> values)
        {
            var named = values.ToDictionary(v => v.Column, v => v.Expression, StringComparer.Ordinal);
            // Typed NULLs: PostgreSQL resolves a union's types branch by branch, and two bare NULLs would make text.
            string Null(string column) => column switch
            {
                "arm" or "s0" or "s1" or "s2" => "CAST(NULL AS VARCHAR)",
                "day" or "units" or "first_ts" or "last_ts" or "mismatched" => "CAST(NULL AS BIGINT)",
                _ when column.StartsWith('n') || column.StartsWith('g') => "CAST(NULL AS BIGINT)",
                _ => $"CAST(NULL AS {dbl})",
            };
            return $"SELECT '{kind}' AS kind, " + string.Join(", ", columns.Select(c => $"{named.GetValueOrDefault(c, Null(c))} AS {c}"));
        }

        var first = postgres ? "(array_agg(attributes ORDER BY ts))[1]" : "arg_min(attributes, ts)";
        var segments = postgres
            ? "SELECT unit_id, first_ts, arm, div(first_ts, 86400000000) AS day, attributes ->> 'device' AS s0, attributes ->> 'plan' AS s1, attributes ->> 'region' AS s2 FROM x WHERE one_arm"
            : """
              SELECT unit_id, first_ts, arm, first_ts // 86400000000 AS day, a[1] AS s0, a[2] AS s1, a[3] AS s2
                  FROM (SELECT unit_id, first_ts, arm, json_extract_string(attributes, ['$."device"', '$."plan"', '$."region"']) AS a FROM x WHERE one_arm) j
              """;
        var q = $"CAST(0.95 AS {dbl})";
        var spread = $"1.959963984540054 * sqrt(CAST(n AS {dbl}) * {q} * (1 - {q}))";

        // Windows: 7 days from first exposure (604 800 000 000 µs), the covariate's 30 days before it, tickets 10 minutes.
        return $"""
            WITH x AS (
                SELECT unit_id, MIN(ts) AS first_ts, MIN(arm) AS arm, MIN(arm) = MAX(arm) AS one_arm, {first} AS attributes
                FROM exposures WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id),
            u AS ({segments}),
            ev AS (
                SELECT unit_id, name, ts, {Number("tokens")} AS tokens, {Number("latency_ms")} AS latency, {Number("cost_usd")} AS cost
                FROM events WHERE name IN ('answer_generated', 'escalated_to_human') OR (name = 'grounding_audit' AND {Text("grounded")} = 'false')
                UNION ALL
                SELECT s.unit_id, s.name, s.ts, NULL, NULL, NULL
                FROM events s WHERE s.name = 'conversation_solved'
                  AND NOT EXISTS (SELECT 1 FROM events t WHERE t.unit_id = s.unit_id AND t.name = 'ticket_opened' AND t.ts >= s.ts AND t.ts <= s.ts + 600000000)),
            {(postgres ? PostgresValues : DuckDbValues)}
            h AS (SELECT arm, m3, COUNT(*) AS c FROM v WHERE m3 IS NOT NULL GROUP BY arm, m3),
            hc AS (
                SELECT arm, m3, SUM(c) OVER (PARTITION BY arm ORDER BY m3 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
                       SUM(c) OVER (PARTITION BY arm) AS n
                FROM h),
            r AS (
                SELECT arm, n,
                       greatest(1, least(n, ceil(CAST(n AS {dbl}) * {q} - 1e-9))) AS rp,
                       greatest(1, least(n, floor(CAST(n AS {dbl}) * {q} - {spread}))) AS rl,
                       greatest(1, least(n, ceil(CAST(n AS {dbl}) * {q} + {spread}))) AS rh
                FROM (SELECT DISTINCT arm, n FROM hc) d)
            {Select("cell", cell)}
            FROM v GROUP BY GROUPING SETS ((arm, day), (arm, s0), (arm, s1), (arm, s2))
            UNION ALL
            {Select("quantile", [("arm", "hc.arm"), ("units", "MIN(r.n)"), ("rp", "MIN(r.rp)"), ("rl", "MIN(r.rl)"), ("rh", "MIN(r.rh)"),
                ("qp", "MIN(hc.m3) FILTER (WHERE hc.cum >= r.rp)"), ("ql", "MIN(hc.m3) FILTER (WHERE hc.cum >= r.rl)"), ("qh", "MIN(hc.m3) FILTER (WHERE hc.cum >= r.rh)")])}
            FROM hc JOIN r ON r.arm = hc.arm GROUP BY hc.arm
            UNION ALL
            {Select("units", [("units", "COUNT(*) FILTER (WHERE NOT one_arm)"), ("first_ts", "MIN(first_ts)")])} FROM x
            UNION ALL
            {Select("exposures", [("arm", "arm"), ("units", "COUNT(*)"), ("last_ts", "MAX(ts)"), ("mismatched", $"SUM(CASE WHEN receipt_hash IS NOT NULL AND receipt_hash <> {expected} THEN 1 ELSE 0 END)")])}
            FROM exposures WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY arm
            UNION ALL
            {Select("events", [("arm", "name"), ("units", "COUNT(*)")])} FROM events
            WHERE name IN ('answer_generated', 'conversation_solved', 'escalated_to_human', 'grounding_audit') GROUP BY name
            UNION ALL
            {Select("version", [("units", "version")])} FROM exposures WHERE experiment = 'refund-query-rewrite' GROUP BY version
            """;
    }

    /// <summary>DuckDB: the events grouped per unit, then the units left-joined to those values.</summary>
    private const string DuckDbValues = """
        agg AS (
            SELECT e.unit_id,
                MAX(CASE WHEN e.name = 'conversation_solved' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END) AS m0,
                MAX(CASE WHEN e.name = 'conversation_solved' AND e.ts < u.first_ts AND e.ts >= u.first_ts - 2592000000000 THEN 1 ELSE 0 END) AS c0,
                AVG(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.tokens END) AS m1,
                MAX(CASE WHEN e.name = 'grounding_audit' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END) AS m2,
                AVG(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.latency END) AS m3,
                MAX(CASE WHEN e.name = 'escalated_to_human' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END) AS m4,
                SUM(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.cost END) AS m5
            FROM ev e JOIN u ON e.unit_id = u.unit_id
            WHERE e.ts >= u.first_ts - 2592000000000
            GROUP BY e.unit_id),
        v AS MATERIALIZED (
            SELECT u.arm, u.day, u.s0, u.s1, u.s2, COALESCE(a.m0, 0) AS m0, COALESCE(a.c0, 0) AS c0, a.m1, COALESCE(a.m2, 0) AS m2,
                   a.m3, COALESCE(a.m4, 0) AS m4, COALESCE(a.m5, 0) AS m5
            FROM u LEFT JOIN agg a ON a.unit_id = u.unit_id),
        """;

    /// <summary>
    /// PostgreSQL: the units left-joined to their events and grouped once (it estimates 200 groups for any grouping of a
    /// UNION ALL, and with a join after that grouping it plans a nested loop over the units twice).
    /// </summary>
    private const string PostgresValues = """
        v AS MATERIALIZED (
            SELECT u.arm, u.day, u.s0, u.s1, u.s2,
                COALESCE(MAX(CASE WHEN e.name = 'conversation_solved' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END), 0) AS m0,
                COALESCE(MAX(CASE WHEN e.name = 'conversation_solved' AND e.ts < u.first_ts AND e.ts >= u.first_ts - 2592000000000 THEN 1 ELSE 0 END), 0) AS c0,
                AVG(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.tokens END) AS m1,
                COALESCE(MAX(CASE WHEN e.name = 'grounding_audit' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END), 0) AS m2,
                AVG(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.latency END) AS m3,
                COALESCE(MAX(CASE WHEN e.name = 'escalated_to_human' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN 1 ELSE 0 END), 0) AS m4,
                COALESCE(SUM(CASE WHEN e.name = 'answer_generated' AND e.ts >= u.first_ts AND e.ts < u.first_ts + 604800000000 THEN e.cost END), 0) AS m5
            FROM u LEFT JOIN ev e ON e.unit_id = u.unit_id AND e.ts >= u.first_ts - 2592000000000
            GROUP BY u.unit_id, u.arm, u.day, u.s0, u.s1, u.s2),
        """;
}
