using System.Globalization;
using Verdict.Experiments.Interleaving;
using Verdict.Statistics.Interleaving;
using Verdict.Storage.Sql;

namespace Verdict.Storage.Interleaving;

/// <summary>
/// An interleaving experiment's per-user outcomes as sufficient statistics, computed where the events are
/// (docs/interleaving.md, "Events"): every impression (<c>interleaving_impression</c>) is a query; its clicks
/// (<c>interleaving_click</c>, property <c>team</c> A or B) credit the teams; the query's outcome is the team with more
/// credited clicks, or a tie; per user the outcomes are counted, and SQL returns only the sums
/// <see cref="ClusteredInterleavingTally"/> needs. Both events carry the properties <c>experiment</c> and <c>query_id</c>.
/// </summary>
public sealed class SqlInterleavingSource(EventStore store)
{
    /// <summary>The impression event's name.</summary>
    public const string ImpressionEvent = InterleavingDesign.DefaultImpressionEvent;

    /// <summary>The click event's name.</summary>
    public const string ClickEvent = InterleavingDesign.DefaultClickEvent;

    /// <summary>
    /// Loads the sums for <paramref name="experiment"/>, counting events at or before <paramref name="asOf"/>; an
    /// interleaving brief may name its own impression and click events (docs/brief.md, "Interleaving").
    /// </summary>
    public ClusteredInterleavingTally Load(string experiment, DateTimeOffset? asOf = null, string impressionEvent = ImpressionEvent, string clickEvent = ClickEvent)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        ArgumentException.ThrowIfNullOrEmpty(impressionEvent);
        ArgumentException.ThrowIfNullOrEmpty(clickEvent);
        var d = store.Dialect;
        var p = new SqlParameters(d);
        string Text(string key) => d.JsonText("properties", p.Add(d.JsonKey(key)));
        var limit = asOf is { } t ? $" AND ts <= {p.Add(EventLoader.ToMicroseconds(t))}" : string.Empty;
        var impressionQuery = $"SELECT DISTINCT unit_id, {Text("query_id")} AS query_id FROM events WHERE name = {p.Add(impressionEvent)} AND {Text("experiment")} = {p.Add(experiment)}{limit}";
        var team = Text("team");
        var clickQuery = $"""
            SELECT unit_id, {Text("query_id")} AS query_id,
                   SUM(CASE WHEN {team} = 'A' THEN 1 ELSE 0 END) AS credit_a,
                   SUM(CASE WHEN {team} = 'B' THEN 1 ELSE 0 END) AS credit_b
            FROM events WHERE name = {p.Add(clickEvent)} AND {Text("experiment")} = {p.Add(experiment)}{limit}
            GROUP BY 1, 2
            """;
        var sql = $"""
            WITH impressions AS ({impressionQuery}),
            clicks AS ({clickQuery}),
            per_query AS (
                SELECT i.unit_id, COALESCE(c.credit_a, 0) AS a, COALESCE(c.credit_b, 0) AS b
                FROM impressions i LEFT JOIN clicks c ON c.unit_id = i.unit_id AND c.query_id = i.query_id),
            per_user AS (
                SELECT unit_id,
                       SUM(CASE WHEN a > b THEN 1 ELSE 0 END) AS wins_a,
                       SUM(CASE WHEN b > a THEN 1 ELSE 0 END) AS wins_b,
                       SUM(CASE WHEN a = b THEN 1 ELSE 0 END) AS ties
                FROM per_query GROUP BY unit_id)
            SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(wins_a), 0) AS BIGINT), CAST(COALESCE(SUM(wins_b), 0) AS BIGINT), CAST(COALESCE(SUM(ties), 0) AS BIGINT),
                   COALESCE(SUM(CAST((wins_a + wins_b) * (wins_a + wins_b) AS {d.DoubleType})), 0),
                   COALESCE(SUM(CAST(wins_b * (wins_a + wins_b) AS {d.DoubleType})), 0),
                   COALESCE(SUM(CAST(wins_b * wins_b AS {d.DoubleType})), 0)
            FROM per_user
            """;
        using var reader = store.Query(sql, p.Values);
        if (!reader.Read())
        {
            return default;
        }

        long L(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        double D(int i) => Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);
        return new ClusteredInterleavingTally(L(0), new InterleavingTally(L(1), L(2), L(3)), D(4), D(5), D(6));
    }
}
