using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Verdict.Experiments.Events;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.Storage;

/// <summary>
/// A transactional bulk load: rows go to staging tables, then <see cref="Commit"/> merges the rows whose keys are
/// new (idempotency key for events; experiment, version, unit, arm and time for exposures), fills the events'
/// property columns (<see cref="PropertyColumns"/>) and commits. Disposing
/// without committing rolls everything back, so a failed file leaves nothing behind. In PostgreSQL the keys are unique
/// indexes (<see cref="EventStore.UniqueKeys"/>) and the merge skips conflicts, so loads running at the same time
/// cannot both insert a row: one waits for the other's commit and then skips what it added. DuckDB has one writer.
/// </summary>
public abstract class EventLoader : IEventSink, IDisposable
{
    private const string ExposureColumns = "experiment, version, unit_id, arm, ts, receipt_hash, attributes";

    private const string MergeExposures = $"""
        INSERT INTO exposures ({ExposureColumns})
        SELECT {ExposureColumns} FROM (
            SELECT s.*, ROW_NUMBER() OVER (PARTITION BY experiment, version, unit_id, arm, ts ORDER BY receipt_hash) AS rn
            FROM stage_exposures s) d
        WHERE rn = 1 AND NOT EXISTS (
            SELECT 1 FROM exposures e
            WHERE e.experiment = d.experiment AND e.version = d.version AND e.unit_id = d.unit_id AND e.arm = d.arm AND e.ts = d.ts)
        """;

    /// <summary>How many distinct property keys a load remembers for <see cref="PropertyColumns"/> (memory stays bounded).</summary>
    private const int KeysTracked = 10_000;

    private readonly EventStore store;
    private readonly HashSet<string> propertyKeys = new(StringComparer.Ordinal);
    private bool committed;

    /// <summary>Starts a load inside <paramref name="transaction"/> of <paramref name="store"/>.</summary>
    protected EventLoader(EventStore store, DbTransaction transaction)
    {
        this.store = store;
        Transaction = transaction;
    }

    /// <summary>The load's transaction.</summary>
    protected DbTransaction Transaction { get; }

    /// <summary>Stages one exposure.</summary>
    public abstract void Add(ExposureRecord exposure);

    /// <summary>Stages one outcome event, remembering its property keys for the property columns.</summary>
    public void Add(OutcomeEvent outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (propertyKeys.Count < KeysTracked)
        {
            foreach (var key in outcome.Properties.Keys)
            {
                propertyKeys.Add(key);
            }
        }

        Append(outcome);
    }

    /// <summary>Stages one outcome event.</summary>
    protected abstract void Append(OutcomeEvent outcome);

    /// <summary>The property keys of the events added so far (up to a bound), which <see cref="PropertyColumns"/> gives columns.</summary>
    protected IReadOnlyCollection<string> PropertyKeys => propertyKeys;

    /// <summary>Flushes staged rows to the staging tables.</summary>
    protected abstract void FlushStaging();

    /// <summary>Merges new rows and commits; returns how many exposures and events were new.</summary>
    public (long Exposures, long Events) Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        FlushStaging();
        var added = Merge();
        committed = true;
        return added;
    }

    /// <summary>
    /// True when the loader knows every staged exposure's key is distinct and absent from the table, so the merge appends
    /// them without looking for duplicates (a DuckDB loader that keeps <see cref="StoredKeys"/>).
    /// </summary>
    protected virtual bool ExposuresKnownNew => false;

    /// <summary>True when the loader knows every staged event's idempotency key is distinct and absent from the table.</summary>
    protected virtual bool EventsKnownNew => false;

    /// <summary>Called after the commit with the rows it added.</summary>
    protected virtual void Committed(long exposures, long events)
    {
    }

    /// <summary>Merges the staged rows whose keys are new into the tables and commits; engines without transactions override it.</summary>
    protected virtual (long Exposures, long Events) Merge()
    {
        var mergeExposures = ExposuresKnownNew ? $"INSERT INTO exposures ({ExposureColumns}) SELECT {ExposureColumns} FROM stage_exposures" : MergeExposures;
        long exposures = store.Execute($"{mergeExposures} {store.Dialect.ConflictSkip}", [], Transaction);
        var positions = PropertyColumns.Extend(store, Transaction, propertyKeys, backfill: false);
        var p = new SqlParameters(store.Dialect);
        var (columns, values, parse) = PropertyColumns.Insert(store.Dialect, p, positions);
        var newEvents = EventsKnownNew ? "stage_events d" : """
            (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY idempotency_key ORDER BY ts) AS rn FROM stage_events s) d
                WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM events e WHERE e.idempotency_key = d.idempotency_key)
            """;
        long events = store.Execute($"""
            INSERT INTO events (idempotency_key, name, unit_id, ts, value, properties{columns})
            SELECT idempotency_key, name, unit_id, ts, value, properties{values} FROM (
                SELECT d.*, {parse} AS pl FROM {newEvents}) n
            {store.Dialect.ConflictSkip}
            """, p.Values, Transaction);
        store.Execute("DROP TABLE stage_exposures", [], Transaction);
        store.Execute("DROP TABLE stage_events", [], Transaction);
        Transaction.Commit();
        Committed(exposures, events);
        return (exposures, events);
    }

    /// <summary>Microseconds since the Unix epoch, UTC: how the tables store time.</summary>
    public static long ToMicroseconds(DateTimeOffset timestamp) => (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The inverse of <see cref="ToMicroseconds"/>.</summary>
    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    /// <summary>A string map as compact JSON (NULL when empty).</summary>
    public static string? ToJson(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return null;
        }

        var buffer = jsonBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(256);
        var writer = jsonWriter ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // One buffer and writer per thread for ToJson (called once per staged row).
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? jsonWriter;

    /// <summary>Creates the staging tables inside the load's transaction.</summary>
    protected void CreateStaging(string doubleType = "DOUBLE", string jsonType = "VARCHAR")
    {
        store.Execute(string.Create(CultureInfo.InvariantCulture, $"CREATE TEMP TABLE stage_exposures (experiment VARCHAR, version INTEGER, unit_id VARCHAR, arm VARCHAR, ts BIGINT, receipt_hash VARCHAR, attributes {jsonType})"), [], Transaction);
        store.Execute(string.Create(CultureInfo.InvariantCulture, $"CREATE TEMP TABLE stage_events (idempotency_key VARCHAR, name VARCHAR, unit_id VARCHAR, ts BIGINT, value {doubleType}, properties {jsonType})"), [], Transaction);
    }

    /// <summary>Rolls the load back unless it was committed, and releases it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Rolls back an uncommitted load and disposes its transaction.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!committed)
            {
                try
                {
                    Transaction.Rollback();
                }
                catch (InvalidOperationException)
                {
                    // Already completed or the connection is gone: nothing was committed.
                }
            }

            Transaction.Dispose();
        }
    }
}
