namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// The query a ClickHouse expert would write for the benchmark brief's primary metric alone (resolved, no ticket within
/// 10 minutes, within 7 days of first exposure): per unit on the shard that holds it, then count, Σy and Σy² per arm.
/// It reads events with FINAL, as any correct query on these ReplacingMergeTree tables must.
/// </summary>
public static class ClickHouseHandWrittenQuery
{
    /// <summary>The query on database <paramref name="db"/> (a generated name, not user text).</summary>
    public static string Sql(string db) => $"""
        SELECT arm, count() AS n, sum(y) AS sum_y, sum(y * y) AS sum_y2
        FROM (SELECT unit_id, min(arm) AS arm FROM {db}.exposures WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id)
        ANY LEFT JOIN (
            WITH arraySort(arrayConcat(tickets, [ts])) AS s, indexOf(s, ts) AS p
            SELECT unit_id, max(ts >= first_ts AND ts < first_ts + 604800000000 AND NOT (p < length(s) AND s[p + 1] <= ts + 600000000)) AS y
            FROM {db}.events FINAL
            ANY INNER JOIN (
                SELECT unit_id, first_ts, tickets
                FROM (SELECT unit_id, min(ts) AS first_ts FROM {db}.exposures_local WHERE experiment = 'refund-query-rewrite' AND version = 1 GROUP BY unit_id)
                ANY LEFT JOIN (SELECT unit_id, groupArray(ts) AS tickets FROM {db}.events_local WHERE name = 'ticket_opened' GROUP BY unit_id) USING unit_id
            ) USING unit_id
            WHERE name = 'conversation_solved'
            GROUP BY unit_id) USING unit_id
        GROUP BY arm
        """;

    /// <summary>
    /// The same query with <c>distributed_group_by_no_merge = 1</c>: its two Distributed groupings are by unit, the
    /// sharding key, so each shard's groups are final and the receiving node only joins and sums per arm. This is what
    /// Verdict's per-unit statements do (docs/clickhouse.md), so it is the fair peer; the plain form stays for history.
    /// </summary>
    public static string SqlPerUnitOnShards(string db) => Sql(db) + "\nSETTINGS distributed_group_by_no_merge = 1";
}
