using System.Globalization;
using Verdict.Experiments.Metrics;

namespace Verdict.Storage.Sql;

/// <summary>The unit-by-period form of a metric, for difference-in-differences (docs/quasi-experiments.md#reading-the-store).</summary>
internal sealed partial class UnitTableCompiler
{
    /// <summary>
    /// CREATE TEMPORARY TABLE {table}: per exposed unit and period (⌊(ts − origin)/length⌋, so period 0 starts at the
    /// origin and earlier periods are negative), the metric's value by the same aggregate, filters, property reads
    /// and exclusions as the analysis. Periods in which a unit has no qualifying event have no row.
    /// </summary>
    public (string Sql, SqlParameters Parameters) Panel(string table, string units, string metric, long origin, long length, long asOf)
    {
        // The panel's rows are unit-periods with any of the metric's events, excluded or filtered out ones included
        // (they read 0; only periods without events are filled), so nothing is dropped at the scan.
        var scan = EventScan.Of([], propertyPositions);
        var definition = brief.Metrics[metric];
        var p = new SqlParameters(dialect);
        var eventNames = new HashSet<string>(StringComparer.Ordinal);
        var exclusions = new List<EventExclusion>();
        MetricConditions.Collect(definition, eventNames, exclusions);
        var asOfParameter = p.Add(asOf);
        // A panel counts each period's events, whenever the unit was first exposed.
        var reads = new Reads(PropertyMap.Of([definition]), Panel: true);
        var (read, stored, extracted) = PropertyColumns(p, reads.Properties);
        var stream = EventStream(p, eventNames, asOfParameter, null, exclusions, scan, read, stored);
        var aggregate = Aggregate(definition, p, exclusions, pre: null, reads);
        var period = $"CAST(FLOOR(CAST(ev.ts - {p.Add(origin)} AS {dialect.DoubleType}) / {p.Add(length)}) AS BIGINT)";
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            CREATE TEMPORARY TABLE {table} AS
            WITH raw AS (
            {stream}),
            ev AS (
                SELECT e.*, u.first_ts
                FROM raw e JOIN {units} u ON e.unit_id = u.unit_id),
            evf AS (SELECT ev.*{extracted}, {period} AS period FROM ev)
            SELECT unit_id, period, {aggregate} AS value
            FROM evf GROUP BY unit_id, period
            """);
        return (sql, p);
    }
}
