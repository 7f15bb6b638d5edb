using System.Globalization;
using Verdict.Experiments;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// Loads into ClickHouse: rows go in RowBinary batches to temporary staging tables of the store's session, and
/// <see cref="EventLoader.Commit"/> inserts into the Distributed tables (synchronously) the rows whose keys are not stored yet,
/// one per key, so a file with a bad row leaves nothing behind and a file loaded twice adds nothing. ClickHouse has no
/// unique constraints: two loads that commit the same new keys at once both insert them, and the ReplacingMergeTree
/// tables read with FINAL keep one row per key, so the analysis never counts them twice (docs/events.md).
/// </summary>
internal sealed class ClickHouseEventLoader : EventLoader
{
    private const int BatchSize = 50_000;
    /// <summary>The exposure columns in the order <see cref="Encode(RowBinaryWriter, ExposureRecord)"/> writes them.</summary>
    internal const string ExposureColumns = "experiment, version, unit_id, arm, ts, receipt_hash, attributes.key, attributes.value";
    /// <summary>The event columns in the order <see cref="Encode(RowBinaryWriter, OutcomeEvent)"/> writes them.</summary>
    internal const string EventColumns = "idempotency_key, name, unit_id, ts, value, properties.key, properties.value";
    private readonly ClickHouseHttpClient client;
    private readonly string database;
    private readonly string stageExposures;
    private readonly string stageEvents;
    private readonly RowBinaryWriter exposures = new();
    private readonly RowBinaryWriter events = new();
    private bool merged;

    public ClickHouseEventLoader(ClickHouseEventStore store, ClickHouseConnection connection)
        : base(store, connection.BeginTransaction())
    {
        client = connection.Client;
        database = store.Address.Database;
        stageExposures = TemporaryTable.Name("verdict_stage_exposures_");
        stageEvents = TemporaryTable.Name("verdict_stage_events_");
        client.Execute($"CREATE TEMPORARY TABLE {stageExposures} AS {database}.exposures_local");
        client.Execute($"CREATE TEMPORARY TABLE {stageEvents} AS {database}.events_local");
    }

    public override void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        Encode(exposures, exposure);
        if (exposures.Rows >= BatchSize)
        {
            Flush(exposures, stageExposures, ExposureColumns);
        }
    }

    protected override void Append(OutcomeEvent outcome)
    {
        Encode(events, outcome);
        if (events.Rows >= BatchSize)
        {
            Flush(events, stageEvents, EventColumns);
        }
    }

    /// <summary>One exposure as a RowBinary row of <see cref="ExposureColumns"/>.</summary>
    internal static void Encode(RowBinaryWriter rows, ExposureRecord exposure)
    {
        rows.String(exposure.Experiment);
        rows.Int32(exposure.Version);
        rows.String(exposure.UnitId);
        rows.String(exposure.Arm);
        rows.Int64(ToMicroseconds(exposure.Timestamp));
        rows.NullableString(exposure.ReceiptHash);
        rows.Map(exposure.Attributes);
        rows.EndRow();
    }

    /// <summary>One event as a RowBinary row of <see cref="EventColumns"/>.</summary>
    internal static void Encode(RowBinaryWriter rows, OutcomeEvent outcome)
    {
        rows.String(outcome.IdempotencyKey);
        rows.String(outcome.Name);
        rows.String(outcome.UnitId);
        rows.Int64(ToMicroseconds(outcome.Timestamp));
        rows.NullableFloat64(outcome.Value);
        rows.Map(outcome.Properties);
        rows.EndRow();
    }

    protected override void FlushStaging()
    {
        Flush(exposures, stageExposures, ExposureColumns);
        Flush(events, stageEvents, EventColumns);
    }

    private void Flush(RowBinaryWriter rows, string table, string columns)
    {
        if (rows.Rows > 0)
        {
            client.InsertRowBinary(table, columns, rows.Buffer, rows.Length);
            rows.Clear();
        }
    }

    /// <summary>Inserts the new rows, one per key (exposures: the lowest receipt hash; events: the earliest), and drops the staging tables.</summary>
    protected override (long Exposures, long Events) Merge()
    {
        const string ExposureKey = "unit_id, experiment, version, arm, ts";
        var newExposures = Insert("exposures", stageExposures, ExposureColumns, ExposureKey, "unit_id", "receipt_hash");
        var newEvents = Insert("events", stageEvents, EventColumns, "idempotency_key", "idempotency_key", "ts");
        merged = true;
        return (newExposures, newEvents);
    }

    /// <summary>
    /// Moves the staged rows whose <paramref name="key"/> is not in <paramref name="table"/> into a temporary table, one
    /// per key (the first by <paramref name="tieBreak"/>), counts them and inserts them. Stored keys are looked up only
    /// for the staged values of <paramref name="lookup"/>, through GLOBAL IN, which sends the staging table (it lives in
    /// this session only) to every shard.
    /// </summary>
    private long Insert(string table, string stage, string columns, string key, string lookup, string tieBreak)
    {
        var fresh = stage + "_new";
        client.Execute($"""
            CREATE TEMPORARY TABLE {fresh} AS
            SELECT {columns} FROM {stage}
            WHERE ({key}) NOT IN (SELECT {key} FROM {database}.{table} WHERE {lookup} GLOBAL IN (SELECT {lookup} FROM {stage}))
            ORDER BY {key}, {tieBreak} LIMIT 1 BY {key}
            """);
        var added = Convert.ToInt64(client.Query($"SELECT count() FROM {fresh}").Rows[0][0], CultureInfo.InvariantCulture);
        if (added > 0)
        {
            client.Execute($"INSERT INTO {database}.{table} ({columns}) SELECT {columns} FROM {fresh}");
        }

        client.Execute($"DROP TEMPORARY TABLE {fresh}");
        client.Execute($"DROP TEMPORARY TABLE {stage}");
        return added;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !merged)
        {
            try
            {
                client.Execute($"DROP TEMPORARY TABLE IF EXISTS {stageExposures}");
                client.Execute($"DROP TEMPORARY TABLE IF EXISTS {stageEvents}");
            }
            catch (ClickHouseException)
            {
                // The session's temporary tables vanish with it; nothing was inserted into the stored tables.
            }
        }

        base.Dispose(disposing);
    }
}
