using Verdict.Storage;

namespace Verdict.Benchmarks.Analysis;

/// <summary>The single query a DuckDB expert would write for the primary metric alone: the benchmarks' baseline.</summary>
public static class HandWrittenQuery
{
    /// <summary>The primary metric by hand: per-unit aggregation, then per-arm count, sum and sum of squares.</summary>
    public const string Sql = """
        WITH u AS (
            SELECT unit_id, MIN(ts) AS first_ts, MIN(arm) AS arm FROM exposures
            WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id),
        r AS (
            SELECT DISTINCT s.unit_id FROM events s JOIN u ON s.unit_id = u.unit_id
            WHERE s.name = 'conversation_solved' AND s.ts >= u.first_ts AND s.ts < u.first_ts + 604800000000
              AND NOT EXISTS (SELECT 1 FROM events t WHERE t.unit_id = s.unit_id AND t.name = 'ticket_opened'
                              AND t.ts >= s.ts AND t.ts <= s.ts + 600000000))
        SELECT arm, COUNT(*) AS n, SUM(y) AS sum_y, SUM(y * y) AS sum_y2
        FROM (SELECT u.arm, CASE WHEN r.unit_id IS NULL THEN 0 ELSE 1 END AS y FROM u LEFT JOIN r ON r.unit_id = u.unit_id) y
        GROUP BY arm
        """;

    /// <summary>
    /// A lower bound for any SQL full analysis of the benchmark brief, not an analysis: the exposure grouping, every
    /// event some metric reads joined to its unit, and the primary's exclusion, with one count per unit and nothing
    /// else — no property, no value, no conditional aggregate, no cells, no order statistics.
    /// </summary>
    public const string FloorSql = """
        WITH u AS (
            SELECT unit_id, MIN(ts) AS first_ts, MIN(arm) AS arm FROM exposures
            WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id),
        raw AS (
            SELECT e.unit_id, e.ts, 1 AS w FROM events e
            WHERE e.name IN ('answer_generated', 'conversation_solved', 'escalated_to_human', 'grounding_audit')
            UNION ALL
            SELECT b.unit_id, b.ts, -1 FROM (
                SELECT DISTINCT s.idempotency_key, s.unit_id, s.ts
                FROM events s JOIN events t ON t.unit_id = s.unit_id
                WHERE s.name = 'conversation_solved' AND t.name = 'ticket_opened' AND t.ts >= s.ts AND t.ts <= s.ts + 600000000) b),
        a AS (
            SELECT e.unit_id, SUM(e.w) AS n FROM raw e JOIN u ON e.unit_id = u.unit_id
            WHERE e.ts >= u.first_ts - 2592000000000 GROUP BY e.unit_id)
        SELECT u.arm, COUNT(*) AS n, SUM(a.n) AS events FROM u LEFT JOIN a ON a.unit_id = u.unit_id GROUP BY u.arm
        """;

    /// <summary>Runs the query and returns the number of units it counted.</summary>
    public static long Run(EventStore store) => Run(store, Sql);

    /// <summary>Runs <see cref="FloorSql"/> and returns the number of units it counted.</summary>
    public static long RunFloor(EventStore store) => Run(store, FloorSql);

    private static long Run(EventStore store, string sql)
    {
        using var reader = store.Query(sql, []);
        long n = 0;
        while (reader.Read())
        {
            n += Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return n;
    }
}
