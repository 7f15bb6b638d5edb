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
        FROM (SELECT u.arm, CASE WHEN r.unit_id IS NULL THEN 0 ELSE 1 END AS y FROM u LEFT JOIN r ON r.unit_id = u.unit_id)
        GROUP BY arm
        """;

    /// <summary>Runs the query and returns the number of units it counted.</summary>
    public static long Run(EventStore store)
    {
        using var reader = store.Query(Sql, []);
        long n = 0;
        while (reader.Read())
        {
            n += Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return n;
    }
}
